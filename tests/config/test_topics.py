"""The built-in topic library."""

from __future__ import annotations

from generator.config.topics import topic_library


def test_an_activity_on_security_settings_stays_within_it_policy():
    """An activity that goes near passwords or device settings keeps within the organisation's
    IT and security policy: the mentee handles their own device, nobody sees a password, and
    IT is asked first when in doubt."""
    touching = [
        activity
        for topic in topic_library([]).values()
        for activity in topic.activities
        if "password" in activity.description.casefold()
    ]
    assert [activity.title for activity in touching] == ["Security walk-through"]
    for activity in touching:
        text = " ".join(activity.description.split())
        assert "goes through their own security settings" in text
        assert "No one shows, reads out or types a password in view of the other" in text
        assert "IT and security policy" in text
        assert "ask IT first" in text
