"""Kursus Konselor: build, check and package the course."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kursus-konselor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
