"""Voice notes and the understanding as an API: the edge where audio and other front doors
come in. `intake` fetches, checks and transcribes a patient's note for the ordinary turn;
`api` (mounted under /api/v1/ by `urls`) lets a phone system ask what a text or an audio
note means. The speech engine itself is Django-free: conversations.understanding.speech."""
