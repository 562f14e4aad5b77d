"""One client per kind of source, behind one interface (base.RegistryClient)."""
