"""OCOP introduction-and-sales points on top of warehouses. Owns: the SalesPoint profile and its operators, stock
thresholds, transfers between points, counter sales and their receipts, the operator scope rule (scope.py), and the
pickup-queue interface the order app plugs into (pickups.py). Does not own: Stock and the ledger rows themselves
(warehouse.services.stock_move writes them), orders, prices. Exports: services, selectors, ledger, demo."""
