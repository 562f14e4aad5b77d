"""The sales-point operator's console (/quan-ly/): server-rendered pages for tablets. Views parse input, call one
salespoint service or selector, and render; scope is checked by those services and selectors."""
