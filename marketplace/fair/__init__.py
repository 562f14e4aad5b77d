"""OCOP fairs: events, zones, booths, side events and fair campaigns."""
