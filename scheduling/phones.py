import phonenumbers


def phone_normalize(raw: str, *, region: str | None = None) -> str:
    """E.164 form of a phone number; raises ValueError when it is not a valid number.

    `region` (e.g. "BR") lets local numbers without a country code through.
    """
    try:
        number = phonenumbers.parse(raw.strip(), region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"{raw!r} is not a phone number") from exc
    if not phonenumbers.is_possible_number(number):
        raise ValueError(f"{raw!r} is not a phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_region(e164: str) -> str | None:
    """The country of an E.164 number ("BR" for +55...), to read local numbers against."""
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None
