"""Outgoing messages: `queue` stores what to send, `delivery` sends it and follows its status."""
