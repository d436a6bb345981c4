"""PUT /policies/{policy_id}/rules (admin): replace what the machine read with corrected rules.
PUT /policies/{policy_id}/data (admin): replace them all with a policy-as-data TOML file."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from reimburse.application.correct_policy import CorrectPolicy, InvalidCorrection, RuleCorrection
from reimburse.domain.access import Viewer
from reimburse.http.controllers.invoices import PolicyView
from reimburse.http.errors import ApiError
from reimburse.http.openapi_docs import errors


class PolicyCorrectionController(Controller):
    path = "/"
    tags = ["invoices"]

    @put(
        "/policies/{policy_id:str}/rules",
        status_code=200,
        summary="Correct a policy's rules (admin); later analyses of the file use the new version",
        responses=errors(404, 413, 415),
    )
    async def correct_rules(
        self,
        policy_id: FromPath[str],
        data: JSONBody[RuleCorrection],
        correct_policy: NamedDependency[CorrectPolicy],
        viewer: NamedDependency[Viewer],
    ) -> PolicyView:
        try:
            policy = await correct_policy(viewer, policy_id, data)
        except InvalidCorrection as exc:
            raise ApiError(422, str(exc)) from exc
        if policy is None:
            raise ApiError(404, f"policy {policy_id} was not found")
        return PolicyView.of(policy)

    @put(
        "/policies/{policy_id:str}/data",
        status_code=200,
        summary="Replace a policy's rules with a policy-as-data TOML file (admin; docs/policy-format.md)",
        responses=errors(404, 413, 415),
    )
    async def replace_with_data(
        self,
        policy_id: FromPath[str],
        request: Request[Any, Any, Any],
        correct_policy: NamedDependency[CorrectPolicy],
        viewer: NamedDependency[Viewer],
    ) -> PolicyView:
        body = await request.body()
        try:
            policy = await correct_policy.from_data(viewer, policy_id, body)
        except InvalidCorrection as exc:
            raise ApiError(422, str(exc)) from exc
        if policy is None:
            raise ApiError(404, f"policy {policy_id} was not found")
        return PolicyView.of(policy)
