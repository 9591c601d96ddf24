"""Recall campaigns (issue 20): an operations lead asks patients due for a visit back.

`selectors` chooses the recipients (the calendar's rule, scheduling.selectors, less the
patients who opted out, asked to wait, or share a number already asked) and counts each
campaign's outcomes; `services` runs a campaign (a row per patient before its message,
throttled to the campaign's window and rate, stoppable); `replies` reads "Book", "Later"
and "Stop"; `views` are the operations lead's pages. docs/campaigns.md tells the story.
"""
