"""Read YAML with YAML 1.2 meanings and remember where every value came from.

PyYAML implements YAML 1.1, where ``no``/``on``/``off`` are booleans and ``10:30`` is the
sexagesimal number 630. Organisation configs are full of such words (a department called "No",
a session at 10:30), so the loader here resolves plain scalars by the YAML 1.2 core schema
instead. Dates stay strings; the typed model parses them.

Every mapping key and value gets its position recorded against its key path, so validation
errors can say ``organisation.yaml:14:5: departments[2].cadence: ...``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError

KeyPath = tuple[str | int, ...]

#: A generous ceiling on values built from one file; an alias bomb expands far past it.
MAX_NODES = 200_000
#: The largest config read at all, checked before parsing (pure-Python YAML parses about
#: 0.4 MB/s, so a 50 MB file took over a minute and 2 GB just to be refused). The example is
#: 10 KB, a generated 1,000-department organisation 0.3 MB, a 5,000-department one 1.5 MB.
MAX_CONFIG_BYTES = 4_000_000

_CORE_RESOLVERS: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0"),
]


class Yaml12Loader(yaml.SafeLoader):
    """A safe loader whose plain-scalar resolution follows the YAML 1.2 core schema."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}


for _tag, _pattern, _first in _CORE_RESOLVERS:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
# The empty scalar is null too; PyYAML looks it up under the key None.
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    assert isinstance(text, str)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each key path's key and value sit in the file."""

    path: Path
    keys: dict[KeyPath, Mark] = field(default_factory=dict)
    values: dict[KeyPath, Mark] = field(default_factory=dict)

    def locate(self, key_path: KeyPath) -> Mark:
        """The best position for a path: its key, else its value, else its nearest parent."""
        probe = tuple(key_path)
        while probe:
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Mark(1, 1))

    def where(self, key_path: KeyPath) -> str:
        """``file:line:column`` for a key path."""
        mark = self.locate(key_path)
        return f"{self.path}:{mark.line}:{mark.column}"


def format_key_path(key_path: KeyPath) -> str:
    """``("departments", 1, "cadence")`` -> ``departments[1].cadence``."""
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self, loader: Yaml12Loader, source: SourceMap) -> None:
        self.loader = loader
        self.source = source
        self.count = 0
        self.problems: list[str] = []

    def build(self, node: yaml.Node, key_path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            msg = (
                f"{self.source.where(key_path)}: the file expands to more than {MAX_NODES:,} "
                "values (an alias bomb?); refusing to read it"
            )
            raise ConfigError(msg)
        self.source.values.setdefault(key_path, _mark(node))
        if node.tag not in PLAIN_TAGS:
            mark = _mark(node)
            msg = (
                f"{self.source.path}:{mark.line}:{mark.column}: {format_key_path(key_path)}: "
                f"the YAML tag {node.tag!r} is not allowed; write plain values"
            )
            raise ConfigError(msg)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key_path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict[Any, Any]:
        self.loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                mark = _mark(key_node)
                self.problems.append(
                    f"{self.source.path}:{mark.line}:{mark.column}: "
                    f"{format_key_path(key_path)}: a key must be plain text"
                )
                continue
            key = str(key) if not isinstance(key, str) else key
            child = (*key_path, key)
            if key in result:
                first = self.source.keys[child]
                mark = _mark(key_node)
                self.problems.append(
                    f"{self.source.path}:{mark.line}:{mark.column}: {format_key_path(child)}: "
                    f"duplicate key (first given at line {first.line}); keep only one"
                )
                continue
            self.source.keys[child] = _mark(key_node)
            result[key] = self.build(value_node, child)
        return result


def read_yaml(path: Path) -> tuple[Any, SourceMap]:
    """Parse one YAML file into plain data and its source map.

    Raises ConfigError (located) for unreadable files, syntax errors and duplicate keys.
    """
    return parse_yaml(_read_text(path), path)


def parse_yaml(text: str, path: Path) -> tuple[Any, SourceMap]:
    """Parse YAML text already read from ``path`` into plain data and its source map.

    ``path`` only names the file in messages and in the source map, so a caller that reads
    the file itself (the roster reader, with its own encoding advice) can pass the name it
    wants shown. Raises ConfigError (located) for syntax errors, tags and duplicate keys.
    """
    source = SourceMap(path)
    try:
        loader = Yaml12Loader(text)
    except yaml.reader.ReaderError as err:
        raise ConfigError(_reader_message(path, text, err)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None, source
        builder = _Builder(loader, source)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as err:
        raise ConfigError(_syntax_message(path, err)) from None
    except yaml.reader.ReaderError as err:
        raise ConfigError(_reader_message(path, text, err)) from None
    except yaml.YAMLError as err:
        msg = f"{path}: not valid YAML: {err}"
        raise ConfigError(msg) from None
    except RecursionError:
        msg = f"{path}: the YAML nests too deeply to read"
        raise ConfigError(msg) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise ConfigError("\n".join(builder.problems))
    return data, source


def megabytes(size: int) -> str:
    """``4.0 MB``: sizes in messages, in decimal megabytes as file managers show them."""
    return f"{size / 1_000_000:.1f} MB"


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refused unread when there are more than ``limit`` of them.

    Reads at most ``limit + 1`` bytes, so a file that grows, or a device with no size, is
    refused as quickly as one whose size the filesystem reports. Raises OSError like
    ``read_bytes``, and ValueError with a message naming the file, its size and the limit.
    """
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        raw = b"" if size > limit else file.read(limit + 1)
    if size > limit or len(raw) > limit:
        shown = f" {megabytes(size)}," if size > limit else ""
        msg = (
            f"{path}: the file is{shown} over the {megabytes(limit)} limit for {what}; "
            "is this the right file?"
        )
        raise ValueError(msg)
    return raw


def _read_text(path: Path) -> str:
    try:
        raw = read_limited(path, MAX_CONFIG_BYTES, "a config")
    except ValueError as err:
        raise ConfigError(str(err)) from None
    except FileNotFoundError:
        msg = f"{path}: no such file (run `playbook init DIR` to start from a working example)"
        raise ConfigError(msg) from None
    except OSError as err:
        msg = f"{path}: cannot read the file: {err.strerror}"
        raise ConfigError(msg) from None
    if b"\0" in raw[:8192]:
        msg = f"{path}: this is a binary file, not a YAML config"
        raise ConfigError(msg)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        msg = (
            f"{path}:{line}: the file is not UTF-8 (byte 0x{raw[err.start]:02x} at offset "
            f"{err.start}); save it as UTF-8 and try again"
        )
        raise ConfigError(msg) from None


def _reader_message(path: Path, text: str, err: yaml.reader.ReaderError) -> str:
    """A control character YAML does not allow, located by line and column."""
    before = text[: err.position]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    return (
        f"{path}:{line}:{column}: the file contains the control character "
        f"U+{err.character:04X}, which YAML does not allow; delete it"
        if isinstance(err.character, int)
        else f"{path}:{line}:{column}: the file contains a character YAML does not allow"
    )


def _syntax_message(path: Path, err: yaml.MarkedYAMLError) -> str:
    mark = err.problem_mark or err.context_mark
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    problem = err.problem or "not valid YAML"
    context = f" ({err.context})" if err.context else ""
    return f"{where}: YAML syntax error: {problem}{context}"
