"""The number gate: libphonenumber's number types and short-number metadata decide what may be published."""

import pytest

from scripts.registry.dialing import NumberError, check_number, is_emergency, text_states


@pytest.mark.parametrize(
    "value,region",
    [
        ("95188", "CN"),
        ("12315", "CN"),
        ("18222", "HK"),
        ("1799", "SG"),
        ("+44 300 123 2040", "GB"),
        ("0800 368 7155", "GB"),
        ("+1 402-935-7733", "US"),
        ("0120-990-634", "JP"),
    ],
)
def test_ordinary_numbers_and_listed_short_codes_pass(value, region):
    check_number(value, region)


@pytest.mark.parametrize(
    "value,region,words",
    [
        ("09061 234567", "GB", "premium-rate"),
        ("0845 123 4567", "GB", "premium-rate"),
        ("400-893-9888", "CN", "shared-cost"),
        ("1900 545436", "VN", "premium-rate"),
        ("10620000", "CN", "premium-rate short code"),  # 1062xxxx: premium SMS short codes in the metadata
        ("00000", "CN", "neither a valid number nor a possible short code"),
        ("12", "CN", "neither a valid number"),
        ("99999", "CN", "not a short code libphonenumber's short-number metadata lists"),
        ("+86 95188", "CN", "not a valid number"),
        ("1-800-FLOWERS", "US", "digits"),
        ("95188 ext 2", "CN", "digits"),
        ("９５１８８", "CN", "digits"),
        (" 95188", "CN", "digits"),
        ("95188", "ZZ", "region phonenumbers knows"),
    ],
)
def test_refused_numbers_say_why(value, region, words):
    with pytest.raises(NumberError) as info:
        check_number(value, region)
    assert words in str(info.value), str(info.value)


def test_unlisted_short_codes_need_the_flag_and_the_regional_pattern():
    with pytest.raises(NumberError, match="unlisted_short_code"):
        check_number("7726", "GB")
    assert check_number("7726", "GB", unlisted_short_code=True).is_short
    with pytest.raises(NumberError, match="remove unlisted_short_code"):
        check_number("95188", "CN", unlisted_short_code=True)  # the metadata lists it
    with pytest.raises(NumberError, match="full number"):
        check_number("+44 300 123 2040", "GB", unlisted_short_code=True)
    with pytest.raises(NumberError):
        check_number("00000", "CN", unlisted_short_code=True)  # does not fit the short-code pattern


@pytest.mark.parametrize(
    "value,region,expected",
    [
        ("110", "CN", True),
        ("999", "HK", True),
        ("999", "SG", True),
        ("999", "GB", True),
        ("112", "GB", True),
        ("995", "SG", True),
        ("95188", "CN", False),
        ("999", "CN", False),
        ("+44 999", "GB", False),
        ("999", None, False),
    ],
)
def test_emergency_numbers_come_from_the_short_number_metadata(value, region, expected):
    assert is_emergency(value, region) is expected


@pytest.mark.parametrize(
    "quote,value,region,sender,expected",
    [
        ("客服:95017-2 (工作时间:09:00-22:00)", "95017", "CN", False, True),
        ("you can call PayPal Customer Service at (402) 935-7733", "+1 402-935-7733", "US", False, True),
        ("热线：９５１８８", "95188", "CN", False, True),
        ("call 1995188 now", "95188", "CN", False, False),
        ("call 95189 now", "95188", "CN", False, False),
        ("its sender ID is “#ADCC18222”", "#ADCC18222", "HK", True, True),
        ("texts from MPESAX are fake", "MPESA", "KE", True, False),
    ],
)
def test_a_quote_must_state_the_number(quote, value, region, sender, expected):
    assert text_states(quote, value, region, sender) is expected
