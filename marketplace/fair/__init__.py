"""OCOP fairs: events with dates and a venue, zones, booths (producer, products on show, optional sales point),
side events, the fair campaign (a discount Promotion over the booth products for the fair's window), the
Excel booth import, the `.ics` calendar and the post-fair report. Does not own prices (discount) or sales
(order, salespoint): the report reads sales through a pluggable source."""
