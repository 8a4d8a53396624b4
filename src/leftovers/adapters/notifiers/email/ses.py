"""Amazon SES delivery: ``SendEmail`` with a verified sender, one message per recipient."""

from __future__ import annotations

from collections.abc import Mapping
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.notifiers.addresses import is_email
from leftovers.adapters.notifiers.email.render import render_email
from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError, SettingsError
from leftovers.core.ports import Message

if TYPE_CHECKING:
    from mypy_boto3_ses import SESClient


class SesNotifier:
    """Sends each recipient their part of the digest from ``sender`` (an SES-verified identity)."""

    def __init__(
        self,
        sender: str,
        *,
        addresses: Mapping[str, str] | None = None,
        fallback: str | None = None,
        region: str | None = None,
        client: SESClient | None = None,
    ) -> None:
        if not is_email(parseaddr(sender)[1]):
            raise SettingsError("e-mail sender", f"{sender!r} is not an e-mail address (a verified SES identity)")
        if fallback is not None and not is_email(fallback):
            raise SettingsError("e-mail fallback", f"{fallback!r} is not an e-mail address")
        self._sender = sender
        self._addresses = dict(addresses or {})
        self._fallback = fallback
        self._region = region
        self._client = client

    def render(self, digest: Digest) -> list[Message]:
        """One message per recipient (HTML and plain text), every entry in exactly one."""
        return render_email(digest, self._addresses, self._fallback)

    def deliver(self, message: Message) -> None:
        """Send one message with SES; NotifyError names the recipient and SES's reason."""
        to = message.payload.get("to")
        if not to:
            raise NotifyError(
                f"{len(message.keys)} leftover(s) have no e-mail address: map their owners in [email_addresses]"
                " or set LEFTOVERS_EMAIL_FALLBACK"
            )
        try:
            self._ses().send_email(
                Source=self._sender,
                Destination={"ToAddresses": [to]},
                Message={
                    "Subject": _content(message.payload["subject"]),
                    "Body": {"Text": _content(message.payload["text"]), "Html": _content(message.payload["html"])},
                },
            )
        except ClientError as e:
            error = e.response.get("Error", {})
            reason = f"{error.get('Code', 'error')}: {error.get('Message', '')}".strip(": ")
            raise NotifyError(f"SES refused the message to {to}: {reason}") from None
        except BotoCoreError as e:
            raise NotifyError(f"could not reach SES: {e}") from None

    def _ses(self) -> SESClient:
        if self._client is None:
            import boto3

            self._client = boto3.client("ses", region_name=self._region)
        return self._client


def _content(data: Any) -> Any:
    return {"Data": str(data), "Charset": "UTF-8"}
