"""Shared foundations: money in VND, Relay IDs, DomainError and error codes, permissions, metadata, audit log.
Owns no business rules of any one app; every app may import it."""
