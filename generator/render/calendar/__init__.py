"""calendar: the program's dates as iCalendar files.

- ``events``: what a department's calendars hold, as plain events with the roles they are for;
- ``ics``: those events written as iCalendar text;
- ``published``: each department's three calendars for the site (mentors, mentees, everyone);
- ``invitations``: the private per-pair meeting requests and cancellations;
- ``state``: the SEQUENCE numbers and invited pairs one build hands to the next.

All of it is pure (text in, text out); ``publish.calendar_state`` reads and writes the state.
"""
