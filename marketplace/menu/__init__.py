"""Navigation menus (main, footer) pointing at categories, collections and pages."""
