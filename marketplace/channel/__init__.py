"""Sales channels (Saleor Channel): currency VND, country VN; one national channel by default."""
