"""Figures that are not phone numbers, recognised by their shape or by the word in front of them.

All patterns read folded text (ASCII digits, see digits.fold). Two kinds of rule:

- shapes masked before numbers are looked for: dates and date-times, times of day, weekday
  ranges, standards (GB/T 35273-2020, ISO/IEC 27001:2022), IPv4 addresses, thousands-grouped
  figures (1,000,000);
- excuses for one candidate number from its neighbours: a currency before it (whole word,
  case-sensitive: "RM 50" is ringgit, "confirm 400…" is not), a unit after it (元, 分钟, days…
  but not 号码, 人工, 分机), a version marker, or a context word that says what kind of figure
  follows (错误代码, 验证码, 商户号, 邮编, order number…).

An excuse never covers a number that cannot be anything but a phone number (`unmistakable`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# --- shapes masked before the search ------------------------------------------------------------

_YEAR = r"(?:19|20)[0-9]{2}"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_TIME = r"(?:[01]?[0-9]|2[0-4])\s?[:：]\s?[0-5][0-9](?:\s?[:：]\s?[0-5][0-9](?:\.[0-9]{1,6})?)?"
_ZONE = r"(?:\s?(?:Z|UTC|GMT|[+-](?:0[0-9]|1[0-4])(?::?[0-5][0-9])?))?"
_AMPM = r"(?:\s?(?:[AaPp]\.?[Mm]\.?))?"
_DATE_SEP = r"\s?[-/.]\s?"

# The leading look-ahead lets the engine reject a position with one test instead of trying every
# alternative (16x faster on digit-dense text such as search indexes).
SHAPES = re.compile(
    "(?=[0-9周星礼禮A-Z])(?:"
    + "|".join(
        [
            # 2026-11-22, 2026/11/22 10:30, 2026年11月22日, 2026.11, 2026年 (with an optional time of day)
            rf"(?<![0-9]){_YEAR}(?:{_DATE_SEP}{_MONTH}(?:{_DATE_SEP}{_DAY})?(?![0-9])|\s?年(?:\s?{_MONTH}\s?月(?:\s?{_DAY}\s?[日号])?)?)"
            rf"(?:(?:\s{{1,3}}|T|\s?日?\s?){_TIME}{_AMPM}{_ZONE})?(?![0-9])",
            # 2020-2026, 2020 至 2026
            rf"(?<![0-9]){_YEAR}\s?[-–—~～/至到]\s?{_YEAR}(?![0-9])",
            # 22/11/2026, 11-22-2026
            rf"(?<![0-9]){_DAY}[-/.]{_DAY}[-/.]{_YEAR}(?![0-9])",
            # 11月22日, 11 月 22 号
            rf"(?<![0-9]){_MONTH}\s?月\s?{_DAY}\s?[日号]",
            # 10:30, 9:00–21:00 (each time on its own), 10:30:15.5 am
            rf"(?<![0-9]){_TIME}{_AMPM}(?![0-9])",
            # 10点30分, 9时
            r"(?<![0-9])(?:[01]?[0-9]|2[0-4])\s?[点點时時](?:\s?[0-5]?[0-9]\s?分)?",
            # 周1至周5, 星期1、3、5 (Chinese numerals are folded to digits before this runs)
            r"(?:周|星期|礼拜|禮拜)[1-7日天末](?:\s?[至到\-~～—、,，和及与或/]\s?(?:周|星期|礼拜|禮拜)?[1-7日天末])*",
            # standards: GB/T 35273-2020, ISO/IEC 27001:2022, RFC 3966, ITU-T E.164, NIST SP 800-63B
            r"(?<![A-Za-z])(?:GB(?:/[TZ])?|[A-Z]{2}/T|DB[0-9]{0,2}/T|ISO(?:\s?/\s?(?:IEC|TS|TR))?|IEC|IEEE|RFC|BS|EN|ANSI|ASTM"
            r"|NIST\s?SP|FIPS(?:\s?PUB)?|PCI\s?DSS|ITU-T\s?[A-Z]\.?|ECMA-?|JIS\s?[A-Z]?|CNS|KS\s?[A-Z]?|EMV|ISBN|ISSN|DOI)"
            r"\s?[0-9]{1,6}(?:[.\-][0-9]{1,3}){0,2}[A-Za-z]?(?:\s?[:\-—]\s?(?:19|20)[0-9]{2})?(?![0-9]|[-.:/\s][0-9])",
            # 192.168.1.1
            r"(?<![0-9.])(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}(?![0-9]|\.[0-9])",
            # 1,000,000 and 1,00,000 and 1,234.56
            r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{2})*,[0-9]{3}(?:\.[0-9]+)?(?![0-9]|[,.][0-9])",
        ]
    )
    + ")"
)


def mask_shapes(text: str) -> str:
    """`text` with every date, time, standard, IP address and thousands-grouped figure blanked out."""
    return SHAPES.sub(lambda m: "\x01" * (m.end() - m.start()), text)


# --- excuses for one candidate -----------------------------------------------------------------

# Case-sensitive and whole-word: "RM 50" and "Rs. 50" are amounts, "confirm 400…" and "numbers 400…" are not.
CURRENCY_BEFORE = re.compile(
    r"(?:[¥$€£₱₩￥₹₨฿₫₦₽]|(?<![A-Za-z])(?:RMB|CNY|USD|HKD|SGD|MYR|GBP|EUR|JPY|PHP|KES|INR|IDR|AUD|TWD|MOP|NTD|KSh|Ksh|RM|Rs\.?|Rp\.?)"
    r"|人民币|美元|港元|港币|澳元|新币|日元|欧元|英镑|令吉|比索|卢比|先令)[\s*_`~]{0,4}$"
)

# A unit right after the figure (Markdown emphasis between them allowed: "**50000** 元"). Words that begin like a unit but name a phone line or an
# extension (号码, 人工, 分机…) are not units: "95188号码" is a number.
UNIT_AFTER = re.compile(
    r"^[\s*_`~]{0,4}(?:"
    r"%|‰|‱|％|℃|°|"
    r"元(?!旦)|块(?!钱包)|角|毛|分钟|分(?![机機行享别別号號])|万|萬|亿|億|千|百|円|美元|港元|港币|澳元|新币|日元|欧元|英镑|令吉|比索|卢比|先令|人民币|"
    r"小时|小時|个?工作日|個?工作日|天|日(?![本期志])|周(?![一二三四五六日末1-7])|个月|個月|月(?!份)|年(?![化级級])|秒|毫秒|"
    r"次|笔|筆|个(?!人)|個(?!人)|人(?![工员員])|位(?!置)|条(?![件款])|條(?![件款])|页(?!面)|頁(?!面)|倍|份|张|張|名(?![称稱下单單])|户(?![名口])|戶(?![名口])|"
    r"项(?!目)|項(?!目)|号(?![码碼段])|號(?![码碼段])|款(?!项)|字|岁|歲|斤|克|公斤|千克|米|公里|厘米|毫米|度|瓦|升|折|成|期|届|代|级|級|分之|"
    r"(?i:percent|per\s?cent|pct|x(?![0-9])|×|ms|secs?|seconds?|mins?|minutes?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?|"
    r"times|people|persons?|users?|customers?|accounts?|members?|pages?|words?|characters?|chars|digits?|bytes?|[kmgt]i?b|px|em|rem|pt|"
    r"km|kg|g|m|cm|mm|miles?|yuan|rmb|cny|usd|hkd|sgd|gbp|eur|dollars?|pounds?|euros?|ringgit|pesos?|rupees?|shillings?|cents?|pence|"
    r"points?|pts|transactions?|payments?|transfers?|requests?|items?|orders?|steps?|stars?|votes?|views?|downloads?|reviews?|k|m|bn)(?![A-Za-z])"
    r")"
)

VERSION_BEFORE = re.compile(r"(?:(?<![A-Za-z])[vV]\.?|(?<![A-Za-z])(?i:version|ver\.|build)\s?|版本号?\s?[:：]?\s?)$")

# What kind of figure follows. Matched in the few characters before the number, with nothing but
# punctuation, spaces and short filler ("（例如 ", "is ", "为") in between.
CONTEXT_WORDS = re.compile(
    r"(?:错误代码|錯誤代碼|错误码|錯誤碼|错误编号|故障码|返回码|状态码|代码|編碼|编码|识别码|验证码|驗證碼|校验码|动态码|动态密码|短信码|口令|密码|密碼|"
    r"限额|限額|额度|額度|上限|下限|金额|金額|余额|餘額|"
    r"商户号|商戶號|商户编号|商家号|子商户号|订单号|訂單號|单号|單號|交易号|交易单号|流水号|参考号|凭证号|账单号|工单号|编号|編號|序号|序號|批次号|"
    r"邮编|郵編|邮政编码|郵政編碼|卡号|卡號|银行卡号|账号|帳號|账户号|户号|身份证号?|证件号|护照号|车牌号?|型号|型號|条码|券码|兑换码|优惠码|"
    r"股票代码|证券代码|会员号|工号|房间号|门牌号?|页码|行号|识别号|注册号|信用代码|许可证号|备案号|ICP备|ICP证|公网安备|网安备|"
    r"(?<![A-Za-z])(?i:error(?:\s?code)?|OTP|PIN(?:\s?code)?|passcode|password|(?<!short\s)(?<!area\s)(?<!country\s)(?<!dial\s)(?<!access\s)(?<!calling\s)code|"
    r"limit|cap|max(?:imum)?|min(?:imum)?|amount|balance|merchant\s?(?:id|no\.?|number)|MID|order(?:\s?(?:id|no\.?|number))?|"
    r"transaction(?:\s?(?:id|no\.?|number|reference))?|ref(?:erence)?(?:\s?(?:no\.?|number))?|invoice(?:\s?(?:no\.?|number))?|receipt(?:\s?(?:no\.?|number))?|"
    r"ticket(?:\s?(?:no\.?|number))?|case\s?(?:id|no\.?|number)|post\s?code|postal\s?code|zip(?:\s?code)?|card\s?number|account\s?number|"
    r"IBAN|SWIFT|BIC|sort\s?code|serial(?:\s?number)?|model|ISBN|ISSN|ID|UID|stock\s?code|ticker)(?![A-Za-z]))"
    r"(?:\s|[:：#＃=（(\[【,，|｜*_`~\-–—)）\]】\"'“”‘’]|(?<![A-Za-z])(?:is|was|are|looks?|reads?|like|e\.g\.|i\.e\.|eg|for\s?example|such\s?as|No\.?)(?![A-Za-z])"
    r"|为|是|例如|比如|如|像){0,8}$"
)

PHONE_WORDS_BEFORE = re.compile(
    r"(?:拨打|撥打|致电|致電|电话|電話|热线|熱線|专线|專線|来电|來電|回拨|回撥|短信|簡訊|号码|號碼|客服|报警|報警|举报|舉報|呼叫|打|联系|聯繫|联络|"
    r"(?i:\bcall(?:s|ing)?\b|\bdial(?:ling)?\b|\bphone\b|\btel\b|\btelephone\b|\bhotline\b|\bhelpline\b|\btext\b|\bsms\b|\bring\b|\bcontact\b|"
    r"\bwhatsapp\b|\bwechat\b|\bnumber\b)|微信|☎|📞|✆|📱)"
)
PHONE_WORDS_AFTER = re.compile(
    r"^\s?(?:号码|號碼|人工|热线|熱線|专线|專線|电话|電話|客服|短信|簡訊|报警|報警|举报|舉報|服务|服務|(?i:hotline|helpline|line\b|number\b))"
)

# Text between a context word and its figure: no other digits, no phone word.
_NO_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=16384)  # the words around numbers repeat across a site
def currency_before(before: str) -> bool:
    return CURRENCY_BEFORE.search(before) is not None


@lru_cache(maxsize=16384)  # the words around numbers repeat across a site
def unit_after(after: str) -> bool:
    return UNIT_AFTER.match(after) is not None


@lru_cache(maxsize=16384)  # the words around numbers repeat across a site
def context_word_before(before: str) -> bool:
    """A word like 错误代码 / 商户号 / order number right before the figure (nothing but filler between)."""
    m = CONTEXT_WORDS.search(before)
    return m is not None and not _NO_DIGIT.search(before[m.start() :])


@lru_cache(maxsize=16384)  # the words around numbers repeat across a site
def phone_word_near(before: str, after: str) -> bool:
    return PHONE_WORDS_BEFORE.search(before) is not None or PHONE_WORDS_AFTER.match(after) is not None


_DECIMAL = re.compile(r"^[0-9]+\.[0-9]{1,2}$")
_YEAR_ALONE = re.compile(r"^(?:19|20)[0-9]{2}$")
_DECIMALS_LIST = re.compile(r"[0-9]\.[0-9]+[-\s,][0-9]+\.[0-9]")
_MAINLAND = re.compile(r"(?:400|800)[0-9]{7}|1[3-9][0-9]{9}|0(?:10|2[0-9]|[3-9][0-9]{2})[0-9]{7,8}")
_DOTTED_VERSION = re.compile(r"^[0-9]{1,2}(?:\.[0-9]+){2,}$")


def shape_excuse(shape: str) -> str | None:
    """Decimals (1234.56), versions (10.5.2), lists of decimals (M12 2.5 9.5-1.5): from the shape alone."""
    if shape.startswith("+"):
        return None  # "+" starts a phone number, never a version or a decimal
    if _DECIMAL.match(shape):
        return "decimal"
    if _YEAR_ALONE.match(shape):
        return "year"
    if _DOTTED_VERSION.match(shape):
        return "version"
    if _DECIMALS_LIST.search(shape):
        return "list of decimals"
    return None


def unmistakable(bare: str, international: bool) -> bool:
    """Digits that are a phone number whatever word stands in front of them."""
    if _MAINLAND.fullmatch(bare):
        return True  # mainland service numbers, mobiles, landlines with their area code
    return international and len(bare) >= 8
