"""Kept so that `ikep_site.plugin.IkepPlugin` still imports: the adapter lives in ikep_site/adapter/."""

from .adapter.plugin import IkepPlugin as IkepPlugin
