"""DocumentStore contract: one suite, both adapters (local disk, and S3 through moto's standalone server)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from reimburse.adapters.filesystem.filesystem_document_store import FilesystemDocumentStore
from reimburse.adapters.s3.s3_document_store import S3DocumentStore, parse_s3_url
from reimburse.ports.document_store import DocumentStore

PDF = b"%PDF-1.4\n" + os.urandom(2048) + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(300_000)  # larger than one socket buffer


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _bucket(endpoint: str) -> str:
    import boto3

    name = f"docs-{uuid.uuid4().hex[:10]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    return name


class Backend:
    def __init__(self, kind: str, tmp_path: Path, endpoint: str | None) -> None:
        self.kind = kind
        self.tmp_path = tmp_path
        self.endpoint = endpoint
        self.url = f"s3://{_bucket(endpoint)}/tenant/a" if endpoint else ""

    def open(self) -> DocumentStore:
        if self.kind == "filesystem":
            return FilesystemDocumentStore(self.tmp_path / "data")
        return S3DocumentStore(
            self.url,
            endpoint=self.endpoint,
            region="us-east-1",
            access_key_id="testing",
            secret_access_key="testing",
        )


@pytest.fixture(params=["filesystem", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    endpoint = request.getfixturevalue("s3_endpoint") if request.param == "s3" else None
    return Backend(request.param, tmp_path, endpoint)


@pytest.fixture
async def store(backend: Backend) -> AsyncIterator[DocumentStore]:
    s = backend.open()
    yield s
    await s.close()


async def test_put_returns_the_sha256_and_get_returns_the_same_bytes(store: DocumentStore) -> None:
    key = await store.put(PDF)
    assert key == hashlib.sha256(PDF).hexdigest()
    assert await store.get(key) == PDF
    assert await store.exists(key)


async def test_large_file_round_trips(store: DocumentStore) -> None:
    key = await store.put(PNG)
    assert await store.get(key) == PNG


async def test_unknown_key_is_absent(store: DocumentStore) -> None:
    key = hashlib.sha256(b"never stored").hexdigest()
    assert await store.get(key) is None
    assert not await store.exists(key)
    assert await store.delete(key) is False


async def test_put_is_idempotent_and_concurrent_puts_agree(store: DocumentStore) -> None:
    keys = await asyncio.gather(*(store.put(PDF) for _ in range(5)))
    assert set(keys) == {hashlib.sha256(PDF).hexdigest()}
    assert await store.get(keys[0]) == PDF


async def test_delete_removes_only_that_document(store: DocumentStore) -> None:
    a, b = await store.put(PDF), await store.put(PNG)
    assert await store.delete(a) is True
    assert await store.get(a) is None
    assert await store.get(b) == PNG
    assert await store.delete(a) is False


@pytest.mark.parametrize("bad", ["../etc/passwd", "ABC", "a" * 63, "A" * 64, "g" * 64, "a" * 64 + "/x"])
async def test_keys_that_are_not_sha256_are_refused(store: DocumentStore, bad: str) -> None:
    with pytest.raises(ValueError):
        await store.get(bad)
    with pytest.raises(ValueError):
        await store.delete(bad)


async def test_documents_outlive_the_store_object(backend: Backend) -> None:
    first = backend.open()
    key = await first.put(PDF)
    await first.close()
    again = backend.open()
    try:
        assert await again.get(key) == PDF
    finally:
        await again.close()


async def test_empty_file_is_a_document_too(store: DocumentStore) -> None:
    key = await store.put(b"")
    assert await store.get(key) == b""


def test_filesystem_layout_is_under_data_dir_documents_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    async def run() -> str:
        s = FilesystemDocumentStore(tmp_path / "data")
        return await s.put(PDF)

    key = asyncio.run(run())
    assert (tmp_path / "data" / "documents" / key[:2] / key).read_bytes() == PDF
    assert list((tmp_path / "data" / "documents" / "tmp").iterdir()) == []


def test_filesystem_drops_leftovers_of_interrupted_writes(tmp_path: Path) -> None:
    tmp = tmp_path / "data" / "documents" / "tmp"
    tmp.mkdir(parents=True)
    (tmp / "deadbeef.half").write_bytes(b"torn")
    FilesystemDocumentStore(tmp_path / "data")
    assert list(tmp.iterdir()) == []


def test_s3_url_parsing() -> None:
    assert parse_s3_url("s3://bucket/a/b/") == ("bucket", "a/b")
    assert parse_s3_url("s3://bucket") == ("bucket", "")
    for bad in ("http://bucket/x", "s3:///x", "bucket/x"):
        with pytest.raises(ValueError):
            parse_s3_url(bad)


async def test_s3_objects_are_named_under_the_prefix(s3_endpoint: str) -> None:
    import boto3

    bucket = _bucket(s3_endpoint)
    store = S3DocumentStore(
        f"s3://{bucket}/p/q",
        endpoint=s3_endpoint,
        region="us-east-1",
        access_key_id="testing",
        secret_access_key="testing",
    )
    key = await store.put(PDF)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    names = [o["Key"] for o in client.list_objects_v2(Bucket=bucket)["Contents"]]
    assert names == [f"p/q/{key[:2]}/{key}"]
