"""The operator's video in German Sign Language: the file, its captions beside it, its length.

BITV 2.0 § 4 asks for an explanation of the site in German Sign Language; Anlage 2 asks that the
film can be downloaded with its size and duration stated. The captions (WebVTT, same name, `.vtt`)
make the video followable without sign language, and their text is the page's transcript.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final

from ..diagnostics import Report
from ..messages import MESSAGES
from ..model import SignLanguageVideo

CAPTIONS_SUFFIX: Final = ".vtt"
OPTION_NAME: Final = "operator → sign_language_video"
# A cue's timing line: `00:00:01.000 --> 00:00:04.000` (hours optional), settings may follow.
_TIMING: Final = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d+:)?\d{2}:\d{2}\.\d{3}")
_HEADER: Final = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_TAG: Final = re.compile(r"<[^>]*>")  # <v Sprecherin>, <i>, <00:00:02.000>: markup of a cue, not its words


def captions_path(video: str) -> str:
    return posixpath.splitext(video)[0] + CAPTIONS_SUFFIX


def load_video(
    docs_dir: Path, video: str, line: int | None, report: Report, *, config: str, display_prefix: str = ""
) -> SignLanguageVideo | None:
    """The video named in the operator option, or None with the reason in `report`.

    `video` is already a normalised path below content/ (specs.VideoPath); problems with the files
    are reported at the option's line in the configuration, problems inside the captions in them.
    """
    root = docs_dir.resolve()
    found = _inside(root, video)
    if found is None:
        message = "sign_video_outside" if (docs_dir / video).exists() else "sign_video_missing"
        report.add(config, line, MESSAGES[message].format(name=OPTION_NAME, value=video))
        return None
    captions = captions_path(video)
    captions_file = _inside(root, captions)
    if captions_file is None:
        report.add(config, line, MESSAGES["sign_captions_missing"].format(name=OPTION_NAME, captions=captions))
        return None
    duration = mp4_duration(found)
    if duration is None:
        report.add(config, line, MESSAGES["sign_video_unreadable"].format(name=OPTION_NAME, value=video))
        return None
    shown = display_prefix + captions
    try:
        text = captions_file.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        report.add(shown, 1, MESSAGES["sign_captions_not_utf8"])
        return None
    transcript = caption_texts(text)
    if transcript is None:
        report.add(shown, 1, MESSAGES["sign_captions_not_webvtt"])
        return None
    if not transcript:
        report.add(shown, 1, MESSAGES["sign_captions_empty"])
        return None
    return SignLanguageVideo(
        video=video,
        captions=captions,
        transcript=transcript,
        size_bytes=found.stat().st_size,
        duration_seconds=max(1, round(duration)),
    )


def _inside(root: Path, relative: str) -> Path | None:
    """The file below content/, also where it really is (a link must not lead out of content/)."""
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def caption_texts(text: str) -> tuple[str, ...] | None:
    """The words of each cue of a WebVTT file, markup removed; None if it is no WebVTT file."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _HEADER.match(lines[0]):
        return None
    cues: list[str] = []
    for block in re.split(r"\n[ \t]*\n", "\n".join(lines[1:])):
        block_lines = block.strip("\n").split("\n")
        timing = next((index for index, row in enumerate(block_lines) if _TIMING.match(row)), None)
        if timing is None:
            continue  # the header's lines, NOTE, STYLE and REGION blocks: no words of the video
        words = " ".join(html.unescape(_TAG.sub("", row)) for row in block_lines[timing + 1 :])
        words = " ".join(words.split())
        if words:
            cues.append(words)
    return tuple(cues)


def mp4_duration(path: Path) -> float | None:
    """The length in seconds from the movie header (`moov` → `mvhd`); None if there is none.

    Only box headers are read: the media data, usually most of the file, is skipped.
    """
    try:
        with path.open("rb") as stream:
            end = stream.seek(0, 2)
            for kind, start, stop in _boxes(stream, 0, end):
                if kind != b"moov":
                    continue
                for inner, body, _ in _boxes(stream, start, stop):
                    if inner == b"mvhd":
                        return _mvhd_duration(stream, body)
    except (OSError, struct.error, IndexError):
        return None
    return None


def _boxes(stream: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, end) of each box between `start` and `end`."""
    position = start
    while position + 8 <= end:
        stream.seek(position)
        size, kind = struct.unpack(">I4s", stream.read(8))
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", stream.read(8))
            header = 16
        elif size == 0:
            size = end - position  # to the end of the enclosing box
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def _mvhd_duration(stream: BinaryIO, body: int) -> float | None:
    stream.seek(body)
    version = stream.read(4)[0]
    if version == 1:
        stream.read(16)
        timescale, duration = struct.unpack(">IQ", stream.read(12))
    else:
        stream.read(8)
        timescale, duration = struct.unpack(">II", stream.read(8))
    return duration / timescale if timescale else None
