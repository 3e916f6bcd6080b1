"""The published site: every edition in every language, one folder each, with switchers between them.

    _build/site/index.html              -> the latest English edition
    _build/site/<year>/...              English editions
    _build/site/zh-hant/<year>/...      Traditional Chinese editions

`layout` says where a page of an edition lives and which pages each edition has; `sphinxext` puts the
year and language switchers on every page from that (plain links, so they work from disk and served);
`localise` makes a Chinese notebook from the one executed English notebook; `build` runs the editions
and assembles the site.
"""
