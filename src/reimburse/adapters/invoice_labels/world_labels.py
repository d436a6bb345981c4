"""Labels of receipts and invoices in languages beyond labels.py and amount_labels.py: Greek,
Hungarian, Romanian, Slovenian, Slovak, Bulgarian, Serbian (Latin and Cyrillic), Russian,
Ukrainian, Turkish, Chinese (simplified and traditional), Korean, Thai, Vietnamese, Arabic,
Hebrew, Malay and Indonesian (issue 11).

The words are each language's own for a till's and an invoice's lines, as dictionaries and
POS/ERP translations give them (Odoo's point_of_sale and account i18n, CLDR where it names a
thing): total / grand total, to pay, net, VAT, cash, card, change, tip or service, discount,
the invoice's number and date. Keyed by the Label value, like amount_labels; labels.py merges it
and a phrase listed here leaves any other label it had there.

Scripts written without spaces (Chinese, Thai) or glued compounds (Korean, Hungarian) list their
phrases whole: a phrase matches only where a word starts and ends. Greek capitals on tills drop
the accents and Hebrew abbreviations are typed with a plain quote as often as with gershayim:
variants() adds both spellings, and "№" also as "No" (its NFKC form).

Guarded look-alikes: the Romanian till's "REST" (change) is left out, an English word ("Rest
Area") and German for a remainder; "baki" (Malay change) is also a balance, but a change only
ever acts beside a payment chosen as the total (totals.py), never on a printed total. "сума" (Ukrainian: the till's total) is Cyrillic, not the
Polish "suma". Korean "승인번호" is left out: on a card slip it is the card's approval code. The bare
Vietnamese "ngày" (day, date) is left out: bilingual folios head their charges' date column
"Date/ Ngày", and the first charge's date was then taken for the invoice's (set T2's folio).
"""

from __future__ import annotations

import unicodedata

WORLD_PHRASES: dict[str, str] = {
    "grand": (
        # Greek
        "γενικό σύνολο, σύνολο πληρωτέο, πληρωτέο, πληρωτέο ποσό, τελικό σύνολο, συνολικό ποσό,"
        " σύνολο με φπα,"
        # Hungarian
        " végösszeg, fizetendő, fizetendő összeg, fizetendő végösszeg, bruttó összeg, bruttó végösszeg,"
        " összesen fizetendő,"
        # Romanian
        " total de plată, total de plata, total general, total factură, total factura, total lei,"
        # Slovenian
        " za plačilo, skupaj za plačilo, znesek za plačilo, skupni znesek, skupaj z ddv,"
        # Slovak
        " celkom k úhrade, suma na úhradu, spolu s dph, celková suma, celkom s dph, spolu na úhradu,"
        # Bulgarian
        " обща сума, сума за плащане, за плащане, общо за плащане, обща стойност,"
        # Serbian, Cyrillic and Latin
        " укупно, укупан износ, за уплату, укупно за уплату, износ за уплату, за плаћање,"
        " ukupno za uplatu, za uplatu, ukupno za plaćanje, za plaćanje, iznos za uplatu,"
        # Russian
        " всего к оплате, к оплате, итого к оплате, сумма к оплате, итого с ндс, всего с ндс,"
        # Ukrainian
        " до сплати, сума до сплати, всього з пдв, разом з пдв, загальна сума, всього до сплати,"
        # Turkish
        " genel toplam, ödenecek tutar, odenecek tutar, vergiler dahil toplam tutar, toplam tutar,"
        " ödenecek toplam,"
        # Chinese, simplified and traditional: 总计 / 總計 (grand total), 价税合计 (total with tax on a
        # fapiao), 应付 / 應付 (payable), 应收 / 應收 (receivable: the till's amount to collect)
        " 总计, 總計, 价税合计, 價稅合計, 应付金额, 應付金額, 应付, 應付, 应收金额, 應收金額, 应收, 應收,"
        " 总金额, 總金額, 合计金额人民币,"
        # Korean: 합계금액 (total amount), 총액 / 총 금액, 받을금액 (amount to collect)
        " 합계금액, 합계 금액, 총액, 총 금액, 총금액, 받을금액, 받을 금액, 결제할 금액,"
        # Thai: รวมทั้งสิ้น (grand total), ยอดสุทธิ (net to pay), ยอดชำระ (amount to pay)
        " รวมทั้งสิ้น, จำนวนเงินรวมทั้งสิ้น, ยอดรวมทั้งสิ้น, ยอดสุทธิ, ยอดชำระ, ยอดที่ต้องชำระ,"
        # Vietnamese
        " tổng cộng tiền thanh toán, tổng thanh toán, tổng tiền thanh toán, tổng số tiền thanh toán,"
        " cần thanh toán, khách cần trả, tổng cộng thanh toán,"
        # Arabic
        " الإجمالي شامل الضريبة, الاجمالي شامل الضريبة, المجموع شامل الضريبة, الإجمالي الكلي,"
        " المجموع الكلي, الإجمالي النهائي, المبلغ الإجمالي,"
        # Hebrew
        " סה״כ לתשלום, לתשלום, סה״כ כולל מע״מ, סכום לתשלום, סה״כ כולל,"
        # Malay and Indonesian
        " jumlah besar, jumlah keseluruhan, jumlah perlu dibayar, jumlah bayaran, jumlah dibayar,"
        " total bayar, total tagihan, total pembayaran, jumlah tagihan, total harga"
    ),
    # A bare total: the till's own word for it.
    "total": (
        "σύνολο, összesen, skupaj, spolu, celkom, общо, итого, итог, всего, разом,"
        " всього, сума, toplam, 合计, 합계, ยอดรวม, tổng cộng, tổng tiền, الإجمالي, الاجمالي, المجموع,"
        " סה״כ, jumlah"
    ),
    "subtotal": (
        "καθαρή αξία, μερικό σύνολο, υποσύνολο, nettó összeg, nettó érték, nettó, részösszeg,"
        " valoare fără tva, valoare fara tva, subtotal fără tva, znesek brez ddv, osnova za ddv,"
        " základ dane, základ dph, medzisúčet, данъчна основа, междинна сума, основица, osnovica,"
        " сумма без ндс, итого без ндс, разом без пдв, сума без пдв, ara toplam, ara toplamı,"
        " mal hizmet toplam tutarı, 小计, 小計, 合计金额, 不含税金额, 공급가액, 과세물품가액, รวมเงิน,"
        " มูลค่าก่อนภาษี, ราคาก่อนภาษี, cộng tiền hàng, tạm tính, tiền hàng, المجموع الفرعي,"
        " الإجمالي قبل الضريبة, סכום לפני מע״מ, סה״כ לפני מע״מ, jumlah kecil, subjumlah"
    ),
    "tax": (
        "φπα, φ.π.α, φόρος διαμονής, áfa, idegenforgalmi adó, taxă hotelieră, ddv, turistična taksa,"
        " dph, ддс, туристически данък, pdv, пдв, boravišna taksa, боравишна такса, ндс, kdv,"
        " hesaplanan kdv, konaklama vergisi, 税额, 稅額, 税金, 稅金, 增值税, 부가세, 부가가치세, 세액,"
        " ภาษีมูลค่าเพิ่ม, ภาษี, thuế gtgt, thuế vat, thuế, ضريبة القيمة المضافة, الضريبة, ضريبة,"
        " رسوم البلدية, מע״מ, cukai, cukai jualan, cukai perkhidmatan, sst, cukai pelancongan,"
        " pajak, ppn, pb1, pajak daerah, pajak restoran, pajak hotel"
    ),
    "tax_total": (
        "σύνολο φπα, áfa összesen, összes áfa, skupaj ddv, dph celkom, общо ддс, укупан пдв,"
        " ukupan pdv, сумма ндс, сума пдв, topkdv, toplam kdv, tiền thuế gtgt, tiền thuế,"
        " إجمالي الضريبة, סה״כ מע״מ, jumlah cukai, total pajak, total ppn"
    ),
    "tax_included": (
        "συμπ. φπα, με φπα, áfát tartalmaz, áfával, inclusiv tva, tva inclusă, vključno z ddv, vrátane dph,"
        " с ндс, в том числе ндс, в т.ч. ндс, у т.ч. пдв, в т.ч. пдв, у тому числі пдв, kdv dahil,"
        " 含税, 含稅, 부가세 포함, รวมภาษีมูลค่าเพิ่ม, đã bao gồm vat, đã bao gồm thuế, شامل الضريبة,"
        " כולל מע״מ, termasuk sst, termasuk cukai, termasuk pajak, sudah termasuk pajak, harga sudah termasuk"
    ),
    "paid": (
        "μετρητά, κάρτα, πιστωτική κάρτα, készpénz, bankkártya, kártya, numerar, plată card, gotovina,"
        " hotovosť, platobná karta, в брой, с карта, карта, готовина, платна картица, наличными,"
        " наличные, безналичными, картой, банковская карта, готівка, картка, безготівкова, nakit,"
        " kredi kartı, kredi karti, banka kartı, 现金, 現金, 实收, 實收, 刷卡, 信用卡, 现金支付,"
        " 받은금액, 받은 금액, 현금, 카드, 신용카드, 결제금액, 결제 금액, 승인금액, เงินสด, รับเงิน,"
        " บัตรเครดิต, tiền mặt, tiền khách đưa, khách đưa, khách trả, thẻ, نقدا, نقداً, نقدي, المدفوع,"
        " بطاقة, مدى, מזומן, אשראי, כרטיס אשראי, שולם, tunai, kad kredit, kad debit, bayar, dibayar,"
        " kartu kredit, kartu debit"
    ),
    "change": (
        "ρέστα, visszajáró, vračilo, vrátené, vydané, výdavok, ресто, povraćaj, повраћај, kusur,"
        " кусур, сдача, решта, para üstü, para ustu, 找零, 找續, 找赎, 거스름돈, 잔돈, เงินทอน, tiền thừa,"
        " tiền thối lại, tiền trả lại, tiền thối, الباقي, עודף, baki, kembali, kembalian, uang kembali"
    ),
    "tip": (
        "φιλοδώρημα, borravaló, szervizdíj, bacșiș, napitnina, sprepitné, бакшиш, чаевые,"
        " чайові, bahşiş, servis ücreti, 服务费, 服務費, 小费, 小費, 봉사료, ค่าบริการ, phí dịch vụ,"
        " tiền tip, رسوم الخدمة, טיפ, דמי שירות, caj perkhidmatan, biaya layanan"
    ),
    "due": (
        "rest de plată, rest de plata, k úhrade, остаток к оплате, залишок до сплати, المبلغ المستحق,"
        " الإجمالي المستحق, المتبقي, יתרה לתשלום, baki perlu dibayar, sisa tagihan"
    ),
    "invoice_no": (
        "αρ. απόδειξης, αρ. αποδ, αριθμός απόδειξης, αριθμός τιμολογίου, αρ. τιμολογίου, αρ. παραστατικού,"
        " nyugtaszám, nyugta száma, számlaszám, számla száma, számla sorszáma, nr. bon, număr bon,"
        " nr. factură, nr. factura, factura nr, factură nr, numărul facturii, račun št, št. računa,"
        " številka računa, faktúra č, číslo faktúry, pokladničný doklad č, фактура №, номер на фактура,"
        " бон №, рачун бр, број рачуна, пфр број рачуна, счёт №, счет №, чек №, счёт-фактура №,"
        " счет-фактура №, номер счёта, номер счета, номер чека, рахунок-фактура №, рахунок №,"
        " номер рахунку, fiş no, fis no, belge no, 单号, 單號, 发票号码, 發票號碼, 发票编号, 發票編號,"
        " 小票号, 流水号, 영수증번호, 영수증 번호, เลขที่ใบกำกับภาษี, เลขที่ใบเสร็จ, số hóa đơn, số hđ,"
        " رقم الفاتورة, رقم الإيصال, חשבונית מס מספר, חשבונית מספר, קבלה מספר, מספר קבלה, מספר חשבונית,"
        " no. resit, no resit, no. invois, nombor invois, no. bil, no. struk, no struk, no. faktur,"
        " nomor faktur, no. nota, nomor nota, no. invoice"
    ),
    "invoice_date": (
        "ημερομηνία έκδοσης, számla kelte, kiállítás dátuma, kelt, data emiterii, data facturii,"
        " datum izdaje, datum računa, dátum vyhotovenia, dátum vystavenia, дата на издаване,"
        " датум издавања, дата виставлення, дата рахунку, 开票日期, 開立日期, 발행일자, 작성일,"
        " วันที่ออกใบกำกับภาษี, ngày xuất hóa đơn, تاريخ الفاتورة, تاريخ الإصدار, תאריך הפקה,"
        " תאריך חשבונית, tarikh invois, tanggal faktur, tgl faktur"
    ),
    "date": (
        "ημερομηνία, ημ/νια, ημ/νία, dátum, датум, дата, 일시, 거래일시, 날짜, วันที่, التاريخ,"
        " تاريخ, תאריך, tarikh, tanggal, tgl, tarih"
    ),
    "other_date": (
        "teljesítés dátuma, teljesítés kelte, fizetési határidő, data scadenței, data scadentei, scadența,"
        " datum opravljene storitve, rok plačila, datum zapadlosti, dátum splatnosti, dátum dodania,"
        " дата на данъчното събитие, срок за плащане, падеж, datum prometa, датум промета, рок плаћања,"
        " срок оплаты, термін оплати, 到期日, 납기일, วันครบกำหนด, hạn thanh toán, تاريخ الاستحقاق,"
        " תאריך פירעון, tarikh akhir, jatuh tempo, tanggal jatuh tempo"
    ),
    "check_in": "άφιξη, заезд, дата заезда, 入住日期, 入住, تاريخ الوصول, ngày đến, tarikh daftar masuk",
    "check_out": "αναχώρηση, выезд, дата выезда, 退房日期, 离店日期, 退房, تاريخ المغادرة, ngày đi, tarikh daftar keluar",
    "vendor": (
        "eladó, szállító, furnizor, prestator, dobavitelj, izdajatelj, dodávateľ, доставчик, продавац,"
        " prodavac, поставщик, продавец, постачальник, satıcı, 销售方, 销售方名称, 銷售方, 賣方, 공급자,"
        " ผู้ขาย, đơn vị bán hàng, người bán, البائع, المورد, ספק, penjual, pembekal"
    ),
    "name": (
        "πελάτης, vevő, cumpărător, kupec, odberateľ, получател, купац, kupac, покупатель, плательщик,"
        " покупець, alıcı, sayın, 购买方名称, 购买方, 购方, 買方, 客人姓名, 공급받는자, ผู้ซื้อ, ชื่อลูกค้า,"
        " người mua hàng, họ tên người mua hàng, المشتري, اسم النزيل, العميل, לכבוד, nama tetamu,"
        " nama tamu, pembeli"
    ),
    "discount": (
        "έκπτωση, kedvezmény, engedmény, reducere, popust, zľava, отстъпка, попуст, скидка, знижка,"
        " indirim, iskonto, 折扣, 优惠, 優惠, 할인, ส่วนลด, giảm giá, chiết khấu, خصم, הנחה, diskaun,"
        " diskon, potongan"
    ),
    # "Amount" alone: a total only as a last resort
    "weak": "összeg, сумма, iznos, износ, tutar, 金额, 金額, 금액, จำนวนเงิน, số tiền, المبلغ, סכום, amaun",
    # Tax and VAT identifiers beside a tax word: never a tax amount
    "other": (
        "mã số thuế, thuế suất, no. sst, no sst, sst no, sst id, ин по ддс, ддс №, ič dph, id za ddv,"
        " ид за ддв, pib, пиб, αφμ, adószám, الرقم الضريبي, رقم التسجيل الضريبي, npwp, vkn, vergi no,"
        " vergi dairesi, инн, кпп, іпн, єдрпоу, 统一社会信用代码, 納稅人識別號, 纳税人识别号, 사업자번호,"
        " 사업자등록번호, 등록번호, เลขประจำตัวผู้เสียภาษี, ח.פ, ע.מ"
    ),
    "rounding": "kerekítés, округление, округлення, pembulatan, làm tròn, 抹零",
}

# Greek letters with their tonos, Hebrew gershayim and geresh
_HEBREW_MARKS = {"״": '"', "׳": "'"}


def _plain_greek(phrase: str) -> str:
    decomposed = unicodedata.normalize("NFD", phrase)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def variants(spec: str) -> str:
    """`spec` with each Greek phrase also without accents (tills print capitals bare) and each Hebrew
    phrase also with plain quotes for gershayim and geresh."""
    out: list[str] = []
    for phrase in (p.strip() for p in spec.split(",") if p.strip()):
        out.append(phrase)
        if any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in phrase):
            out.append(_plain_greek(phrase))
        if any(c in _HEBREW_MARKS for c in phrase):
            out.append("".join(_HEBREW_MARKS.get(c, c) for c in phrase))
        if "№" in phrase:  # NFKC, which the PDF reader applies, writes the numero sign "No"
            out.append(phrase.replace("№", "no"))
    return ", ".join(dict.fromkeys(out))


WORLD: dict[str, str] = {label: variants(spec) for label, spec in WORLD_PHRASES.items()}
