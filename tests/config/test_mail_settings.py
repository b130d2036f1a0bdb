"""The ``mail:`` section: defaults, plain only for a relay on this machine, and no password."""

from __future__ import annotations

import pytest

from generator.config.load import load
from generator.errors import ConfigError
from tests.conftest import MINIMAL


def errors_of(write_config, text: str) -> list[str]:
    with pytest.raises(ConfigError) as err:
        load(write_config(MINIMAL + text))
    return [line.split("organisation.yaml:", 1)[1] for line in err.value.message.splitlines()[1:]]


def test_defaults_encrypt_and_pace() -> None:
    from generator.config.mail_settings import MailSettings

    mail = MailSettings()
    assert (mail.host, mail.port, mail.security, mail.per_minute) == (
        "localhost", 587, "starttls", 30,
    )  # fmt: skip


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "::1", "LocalHost"])
def test_plain_for_a_relay_on_this_machine(write_config, host: str) -> None:
    playbook = load(
        write_config(MINIMAL + f"mail: {{host: '{host}', port: 25, security: plain}}\n")
    )
    assert playbook.config.mail.security == "plain"


def test_plain_to_another_machine_is_refused(write_config) -> None:
    assert errors_of(write_config, "mail:\n  host: smtp.example.org\n  security: plain\n") == [
        "21:3: mail.security: expected starttls or tls for 'smtp.example.org': plain sends "
        "passwords and messages unencrypted, so it is only for a relay on this machine "
        "(localhost, 127.0.0.1 or ::1), got 'plain'"
    ]


@pytest.mark.parametrize("key", ["password", "user"])
def test_no_login_in_the_config(write_config, key: str) -> None:
    assert errors_of(write_config, f"mail:\n  host: smtp.example.org\n  {key}: x\n") == [
        f"21:3: mail.{key}: unknown key '{key}'; expected one of: host, port, security, "
        "per_minute, timeout"
    ]


def test_a_rate_of_zero_is_refused(write_config) -> None:
    (error,) = errors_of(write_config, "mail:\n  per_minute: 0\n")
    assert error == ("20:3: mail.per_minute: expected a number of at least 1, got 0")
