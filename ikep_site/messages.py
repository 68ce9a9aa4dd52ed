"""Every message an editor reads about their content, in German, in one place.

Each message says what is wrong and, where we can tell, what to write instead. `{name}` is the
front matter key (with its parent, e.g. `location.lat`), so the editor finds it in the file.
"""

from __future__ import annotations

from typing import Final

import yaml

MESSAGES: Final = {
    # The page-weight budget (adapter/budget.py): what a phone downloads for one page.
    "page_over_budget": (
        "Die Seite {url} ist mit ihren eigenen Daten und Skripten {total} groß, davon HTML {html}; "
        "erlaubt sind höchstens {limit} je Seite, damit sie auch mobil schnell lädt.{heaviest} "
        "Bitte den Inhalt auf mehrere Seiten verteilen oder kürzen, z. B. lange Tabellen, viele "
        "Karten oder Gebiete mit sehr vielen Mitgliedern."
    ),
    "page_over_budget_heaviest": " Der größte Teil ist {path} mit {size}.",
    "bytes_and_kilobytes": "{bytes} Bytes ({kb} KB)",
    # Reading the file
    "not_utf8": (
        "Die Datei ist nicht als UTF-8 gespeichert (unlesbares Byte {byte}). Bitte im Editor "
        "„Speichern mit Kodierung: UTF-8“ wählen; Umlaute sonst neu eintippen."
    ),
    "binary_file": (
        "Die Datei ist keine Textdatei (sie enthält Binärdaten, z. B. ein Bild oder ein Word-Dokument "
        "mit der Endung .md). Bitte als Text im Markdown-Format speichern oder die Datei entfernen."
    ),
    "control_character": (
        "Die Datei enthält in Spalte {column} ein unsichtbares Steuerzeichen ({character}, {kind}). "
        "Es stammt meist aus kopiertem Text und würde unbemerkt veröffentlicht: bitte die Stelle "
        "löschen und neu tippen.{more}"
    ),
    "control_character_more": " Weitere solche Zeichen: {count} (in Zeile {lines}).",
    "control_kind_control": "Steuerzeichen",
    "control_kind_direction": "Zeichen für die Schreibrichtung",
    "control_kind_separator": "Zeilen- oder Absatztrenner",
    "control_kind_invisible": "unsichtbares Zeichen",
    "empty_file": "Die Datei ist leer. Sie braucht mindestens einen Front-Matter-Block mit title.",
    "no_front_matter": (
        "Die Datei beginnt nicht mit einem Front-Matter-Block. Die erste Zeile muss --- sein, "
        "danach folgen die Angaben (mindestens title:) und wieder eine Zeile ---."
    ),
    "front_matter_unclosed": "Der Front-Matter-Block wird nicht mit einer Zeile --- abgeschlossen.",
    "front_matter_empty": "Der Front-Matter-Block ist leer; mindestens title: fehlt.",
    "front_matter_not_mapping": (
        "Der Front-Matter-Block muss aus Zeilen der Form schlüssel: wert bestehen, nicht aus einer "
        "Liste oder einem einzelnen Wert."
    ),
    "yaml_syntax": "Die Angaben im Front Matter sind nicht lesbar: {problem}",
    "yaml_bad_character": "Das Zeichen {character} ist in YAML nicht erlaubt.",
    "yaml_too_deep": (
        "Die Angaben sind zu tief verschachtelt (mehr als {limit} Ebenen aus Einrückungen oder "
        "Klammern [ ] {{ }}). Bitte prüfen, ob Klammern geschlossen sind."
    ),
    "yaml_alias_too_large": (
        "Die Verweise (*…) vervielfachen die Angaben auf mehr als {limit} Werte. Bitte die Werte "
        "ausschreiben statt Verweise auf Verweise zu setzen."
    ),
    # Shapes and values
    "a_list": "eine Liste",
    "a_mapping": "eine Gruppe von Angaben (schlüssel: wert)",
    "a_value": "ein einzelner Wert",
    "wrong_shape": "{name} muss {expected} sein, hier steht {got}.",
    "empty": "{name} ist leer. Bitte einen Wert eintragen oder die Zeile löschen.",
    "missing": "Die Pflichtangabe {name} fehlt.",
    "bad_key": "Ein Schlüssel muss ein einfaches Wort sein (z. B. title:).",
    "duplicate_key": "{name} steht doppelt (zuerst in Zeile {line}). Bitte eine der beiden Zeilen löschen.",
    "unknown_key": "Unbekannte Angabe {name}. Möglich sind: {known}.",
    "did_you_mean": " Meinten Sie {suggestion}?",
    "bad_slug": (
        "{name}: '{value}' ist keine gültige Kennung. Erlaubt sind Kleinbuchstaben a–z, Ziffern "
        "und Bindestriche (ä→ae, ö→oe, ü→ue, ß→ss)."
    ),
    "bad_ref": (
        "{name}: '{value}' ist keine gültige Kennung eines Eintrags. Gemeint ist der Dateiname ohne "
        ".md, z. B. ortskerne-beleben."
    ),
    "not_a_number": "{name}: '{value}' ist keine Zahl.",
    # Numbers as editors write them (content/numbers.py): what to write instead
    "number_hint_digits": " Schreiben Sie die Zahl in Ziffern, z. B. {example}.",
    "number_hint_too_large": " Die Zahl ist zu groß.",
    "number_hint_unit": " Lassen Sie die Einheit {unit} weg und schreiben Sie {suggestion}.",
    "number_hint_unit_only": " Lassen Sie die Einheit {unit} weg.",
    "number_hint_text": " Schreiben Sie nur die Zahl, z. B. {suggestion}.",
    "number_hint_text_only": " Schreiben Sie nur die Zahl.",
    "number_hint_scaled": " Schreiben Sie die Zahl ganz aus, ohne Einheit: {suggestion}.",
    "number_hint_comma_thousands": " Kommas trennen keine Tausender; schreiben Sie {suggestion}.",
    # 640.000: German thousands or an English decimal point, never guessed
    "number_ambiguous": "{name}: {readings}",
    "number_readings": (
        "{value} kann {decimal} oder {thousands} bedeuten. Schreiben Sie {thousands} oder {decimal_written}."
    ),
    "number_readings_integer": "{value} kann {decimal} oder {thousands} bedeuten. Schreiben Sie {thousands}.",
    # `{value: 8,3}`: YAML ends the entry at the comma, `3` becomes a key of its own
    "decimal_comma_split": (
        "{name}: In geschweiften Klammern {{ }} trennt das Komma die Angaben; aus {key}: {written} werden so "
        "{key}: {whole} und eine Angabe {rest}. Schreiben Sie {key}: {suggestion} oder in Anführungszeichen "
        '{key}: "{written}".'
    ),
    "decimal_comma_in_braces": (
        " Steht davor eine Zahl mit Komma? In geschweiften Klammern { } trennt das Komma die Angaben; "
        'bitte einen Punkt statt des Kommas schreiben oder die Zahl in Anführungszeichen (7.5 oder "7,5").'
    ),
    "coordinate_alone": (
        "{name}: {given} steht ohne {missing}. Ein Ort auf der Karte braucht die Breite (lat) und die Länge "
        "(lon): Tragen Sie {missing} ein oder löschen Sie {given}."
    ),
    "list_as_text": (
        "{name}: '{value}' ist ein Text, keine Liste. Schreiben Sie die Kennungen als Liste in eckigen "
        "Klammern: {key}: [{items}]"
    ),
    "several_in_one_item": (
        "{name}: '{value}' sind mehrere Kennungen in einem Listeneintrag. Schreiben Sie jede als eigenen "
        "Eintrag: {key}: [{items}]"
    ),
    "not_an_integer": "{name}: '{value}' muss eine ganze Zahl sein.",
    "out_of_range": "{name}: {value} liegt nicht zwischen {low} und {high}.",
    "too_small": "{name}: {value} darf nicht kleiner als {low} sein.",
    "too_large": "{name}: {value} darf nicht größer als {high} sein.",
    "not_a_boolean": "{name}: '{value}' muss true (ja) oder false (nein) sein.",
    "not_a_date": "{name}: '{value}' ist kein Datum. Bitte als JJJJ-MM-TT schreiben, z. B. 2026-12-03.",
    "german_date": (
        "{name}: '{value}' ist in deutscher Schreibweise. Bitte als JJJJ-MM-TT mit Jahr schreiben, "
        "z. B. 2026-02-11 für den 11.02.2026."
    ),
    "impossible_date": "{name}: '{value}' ist kein gültiges Datum (gibt es diesen Tag?).",
    "date_not_datetime": "{name}: '{value}' – hier ist nur ein Datum ohne Uhrzeit möglich (JJJJ-MM-TT).",
    "one_of": "einer der Werte {values}",
    "not_one_of": "{name}: '{value}' ist nicht erlaubt. Möglich sind: {values}.",
    "bad_url": (
        "{name}: '{value}' ist keine gültige Adresse. Erlaubt sind Adressen, die mit {schemes} "
        "beginnen, z. B. https://www.example.org/seite."
    ),
    "bad_email": "{name}: '{value}' ist keine gültige E-Mail-Adresse.",
    "empty_list_item": "{name}: Die Liste enthält einen leeren Eintrag.",
    "duplicate_item": "{name}: '{value}' steht doppelt in der Liste (zuerst in Zeile {line}).",
    "too_few_items": "{name} braucht mindestens {count} Einträge.",
    "too_few_items_one": "{name} braucht mindestens einen Eintrag.",
    # Rules across fields
    "bad_file_name": (
        "Der Dateiname '{name}' taugt nicht als Kennung (sie erscheint in Adressen und Verweisen). "
        "Bitte umbenennen in '{suggestion}.md'."
    ),
    "end_before_start": "{name}: {end} liegt vor dem Beginn {start}.",
    "deadline_after_start": (
        "deadline: Der Anmeldeschluss {deadline} liegt nach dem Beginn der Veranstaltung ({limit}). "
        "Bitte ein Datum vor dem Beginn eintragen."
    ),
    "deadline_after_end": "deadline: Der Teilnahmeschluss {deadline} liegt nach dem Ende ({limit}).",
    "min_above_max": "corridor: Im Jahr {year} ist min ({low}) größer als max ({high}).",
    "duplicate_year": "{name}: Das Jahr {year} steht doppelt (zuerst in Zeile {line}).",
    "duplicate_revision_end": (
        "revisions: Zwei frühere Korridore enden am {until} (zuerst in Zeile {line}); jeder frühere Korridor endet an"
        " einem eigenen Tag."
    ),
    "duplicate_indicator": "indicators: Die Kennung '{value}' steht doppelt (zuerst in Zeile {line}).",
    "image_alt_missing": (
        "image_alt fehlt. Zu jedem Bild gehört ein Alternativtext, der beschreibt, was zu sehen ist "
        "(für Menschen, die das Bild nicht sehen können)."
    ),
    "image_not_found": "image: Die Datei '{value}' gibt es im Ordner content/ nicht.",
    "image_alt_without_image": "image_alt steht hier ohne image.",
    "duplicate_id": "Die Kennung '{id}' gibt es schon in {other}. Kennungen müssen eindeutig sein.",
    "unknown_ref": "{name}: {kind} '{value}' gibt es nicht.{known}",
    "unknown_ref_known": " Vorhanden: {known}.",
    "unknown_ref_none": " Es gibt noch keine Einträge dieser Art.",
    "unknown_process": "{name}: Den Prozess '{process}' gibt es in dieser Website nicht.",
    "ref_to_broken": "{name}: {kind} '{value}' ist fehlerhaft und wird nicht angezeigt; siehe die Meldung dort.",
    "goal_required": "goals: Jedes Schlüsselprojekt braucht mindestens ein Ziel, dem es dient.",
    "progress_done": "progress: Ein abgeschlossenes Projekt (status: done) sollte 100 sein, hier steht {value}.",
    "phase_order": "phases: Die Phase „{name}“ beginnt vor dem Ende der vorherigen Phase.",
    "geometry_unreadable": "geometry: Die Datei '{value}' gibt es nicht oder sie ist kein lesbares GeoJSON.",
    "geometry_not_collection": "geometry: '{value}' ist keine GeoJSON-FeatureCollection.",
    "geometry_bad_shape": "geometry: In '{value}' ist {where} fehlerhaft: {what}",
    "location_outside": (
        "{name}: Der Ort ({lat}, {lon}) liegt außerhalb des Prozessgebiets {area}. Sind Breite (lat) und "
        "Länge (lon) vertauscht oder falsch?"
    ),
    "geometry_no_key": "key: Keine Fläche in '{value}' hat die Eigenschaft {key}.",
    "unknown_member": "members: '{value}' gibt es in {file} nicht (Eigenschaft {key}).",
    "unknown_member_close": " Ähnliche Werte: {close}.",
    # Kind names used in messages
    "kind_goals": "Das Ziel",
    "kind_projects": "Das Schlüsselprojekt",
    "kind_calls": "Der Beteiligungsaufruf",
    "kind_areas": "Der Raum",
    "kind_networks": "Das Netzwerk",
    "kind_updates": "Die Meldung",
    # Placeholders in editor pages
    "unknown_placeholder": "Unbekannter Platzhalter ikep:{name}. Möglich sind: {known}.",
    "unknown_placeholder_option": "Platzhalter ikep:{name}: unbekannte Option '{option}'. Möglich sind: {known}.",
    "bad_placeholder_value": "Platzhalter ikep:{name}: {option}={value} ist nicht möglich.{hint}",
    "placeholder_needs": "Platzhalter ikep:{name} braucht die Option {option}=…",
    "placeholder_unclosed": (
        "Der Platzhalter {text} wird nicht mit --> geschlossen. So verschluckt er den Text bis zum "
        "nächsten Kommentar oder erscheint selbst als Text auf der Seite. Bitte --> ans Ende schreiben."
    ),
    "placeholder_case": "Platzhalter werden klein geschrieben: {text} statt {written}.",
    "placeholder_typo": "Ist {written} als Platzhalter gemeint? Dann bitte so: {text}",
    "placeholder_empty_value": "Platzhalter ikep:{name}: Bei {option}= fehlt der Wert (ohne Leerzeichen nach =).",
    # Site options (mkdocs.yml)
    "operator_missing": (
        "Die Angaben zum Betreiber (operator: in mkdocs.yml) fehlen oder sind unvollständig: {missing}. "
        "Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit sind gesetzlich "
        "vorgeschrieben; ohne sie darf die Website nicht veröffentlicht werden."
    ),
    "font_third_party": (
        "theme.font lädt Schriften von Google-Servern und gibt dabei die Adressen der Besucherinnen und "
        "Besucher weiter. Bitte in mkdocs.yml unter theme: font: false eintragen."
    ),
    "unreadable_page": "Die Seite kann nicht gelesen werden und wird ausgelassen.",
    # Progress of a long build (every 2.000 entries or pages)
    "progress_read": "ikep: {count} Einträge gelesen …",
    "progress_portal": "ikep: {processes} Prozesse, {entries} Einträge",
    "progress_rendered": "ikep: {count} Seiten erzeugt …",
    # Files not read as entries, links out of content/, outputs with two owners (content/stray.py, outputs.py)
    "stray_folder_case": (
        "Der Ordner '{folder}' wird nicht als Ordner für Einträge gelesen: Er muss '{expected}' heißen "
        "(Groß- und Kleinschreibung zählt). Benennen Sie den Ordner um."
    ),
    "stray_subfolder": (
        "Einträge liegen direkt im Ordner {folder}/, nicht in einem Unterordner: Diese Datei wird nicht als "
        "Eintrag gelesen und fehlt in allen Übersichten. Verschieben Sie sie nach {target}."
    ),
    "stray_suffix": (
        "Die Datei '{name}' wird nicht als Eintrag gelesen, weil sie nicht auf .md endet. Benennen Sie sie "
        "um in '{target}'."
    ),
    "stray_text_file": (
        "Die Datei '{name}' wird nicht als Eintrag gelesen, sondern unverändert veröffentlicht. Soll sie ein "
        "Eintrag sein, schreiben Sie ihn als Markdown-Datei '{target}'."
    ),
    "link_outside": (
        "Diese Datei ist eine Verknüpfung (symbolischer Link) auf eine Datei außerhalb des Ordners content/ und "
        "wird nicht veröffentlicht. Legen Sie die Datei selbst in den Ordner content/."
    ),
    "image_outside": (
        "image: Die Datei '{value}' ist eine Verknüpfung auf eine Datei außerhalb des Ordners content/ und wird "
        "nicht veröffentlicht. Legen Sie das Bild selbst in den Ordner content/."
    ),
    # Indicator values from a file (values: daten/leerstand.csv; content/valuefiles.py)
    "values_not_list_or_file": (
        "{name}: '{value}' ist weder eine Liste von Messwerten noch eine Datei. Schreiben Sie die Werte als Liste "
        "(- {{year: 2024, value: 7.1}}) oder den Pfad einer Datei .csv oder .xlsx im Ordner content/, "
        "zum Beispiel daten/leerstand.csv."
    ),
    "values_file_type": (
        "{name}: '{value}' ist keine Datei .csv oder .xlsx. Speichern Sie die Tabelle in Excel als "
        "„Excel-Arbeitsmappe (*.xlsx)“ oder als „CSV UTF-8 (durch Trennzeichen getrennt)“."
    ),
    "values_file_missing": "{name}: Die Datei '{value}' gibt es im Ordner content/ nicht (der Pfad gilt ab content/).",
    "values_file_outside": (
        "{name}: Die Datei '{value}' ist eine Verknüpfung auf eine Datei außerhalb des Ordners content/. "
        "Legen Sie die Datei selbst in den Ordner content/."
    ),
    "values_file_empty": (
        "Die Datei ist leer. Die erste Zeile ist die Kopfzeile Jahr;Wert, darunter steht je Jahr eine Zeile."
    ),
    "values_file_binary": (
        "Die Datei ist keine Textdatei, obwohl sie auf .csv endet. Speichern Sie die Tabelle in Excel als "
        "„CSV UTF-8 (durch Trennzeichen getrennt)“."
    ),
    "values_file_workbook_as_csv": (
        "Die Datei ist eine Excel-Arbeitsmappe, endet aber auf .csv. Benennen Sie sie in .xlsx um "
        "(und den Pfad bei values) oder speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“."
    ),
    "values_file_not_workbook": (
        "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Öffnen Sie sie in Excel und speichern Sie sie "
        "erneut als „Excel-Arbeitsmappe (*.xlsx)“."
    ),
    "values_file_csv_broken": "Die Zeile ist als CSV nicht lesbar ({problem}). Steht ein Anführungszeichen allein?",
    "values_file_columns": (
        "Die Kopfzeile braucht die Spalten Jahr und Wert (oder year und value), hier steht: {found}. Es fehlt: "
        "{missing}."
    ),
    "values_file_separator_hint": " Trennen Sie die Spalten mit einem Semikolon (Jahr;Wert) oder einem Komma.",
    "values_file_cell_empty": (
        "{name}: In dieser Zeile fehlt die Angabe. Tragen Sie sie ein oder löschen Sie die Zeile."
    ),
    "values_file_extra_cells": "Die Zeile hat mehr Felder ({count}) als die Kopfzeile ({columns}): {cells}.{hint}",
    "values_file_comma_hint": (
        ' Mit Komma als Trennzeichen braucht eine Zahl mit Dezimalkomma Anführungszeichen ("7,1"); '
        "einfacher ist das Semikolon als Trennzeichen: 2024;7,1"
    ),
    "values_file_future": (
        "{name}: Das Jahr {year} liegt in der Zukunft (die Website ist vom {today}). Messwerte gibt es nur für "
        "vergangene Jahre und das laufende; ein Ziel für später gehört in den Korridor (corridor)."
    ),
    # The operator's video in German Sign Language (operator.sign_language_video)
    "sign_video_path": (
        "{name}: '{value}' ist kein Pfad einer Datei im Ordner content/. Schreiben Sie den Pfad ab content/, "
        "ohne '../', ohne '/' am Anfang und ohne Internetadresse, zum Beispiel gebaerdensprache/erklaerung.mp4."
    ),
    "sign_video_suffix": (
        "{name}: '{value}' ist keine MP4-Datei. Speichern Sie das Video als .mp4 (H.264): "
        "dieses Format spielt jeder Browser ab."
    ),
    "sign_video_missing": "{name}: Die Datei '{value}' gibt es im Ordner content/ nicht.",
    "sign_video_outside": (
        "{name}: Die Datei '{value}' ist eine Verknüpfung auf eine Datei außerhalb des Ordners content/ und wird "
        "nicht veröffentlicht. Legen Sie das Video selbst in den Ordner content/."
    ),
    "sign_video_unreadable": (
        "{name}: '{value}' ist kein lesbares MP4-Video (seine Länge lässt sich nicht bestimmen). "
        "Exportieren Sie das Video erneut als MP4 (H.264)."
    ),
    "sign_captions_missing": (
        "{name}: Zum Video gehören Untertitel als WebVTT-Datei mit demselben Namen daneben: '{captions}' fehlt. "
        "Ohne Untertitel kann, wer keine Gebärdensprache versteht, dem Video nicht folgen."
    ),
    "sign_captions_not_utf8": "Die Untertitel-Datei ist nicht als UTF-8 gespeichert. Bitte als UTF-8 speichern.",
    "sign_captions_not_webvtt": (
        "Die Untertitel-Datei beginnt nicht mit der Zeile WEBVTT und ist damit keine WebVTT-Datei. "
        "Exportieren Sie die Untertitel im Format WebVTT (.vtt)."
    ),
    "sign_captions_empty": (
        "Die Untertitel-Datei enthält keinen Untertitel: Jeder Untertitel beginnt mit einer Zeitangabe wie "
        "00:00:01.000 --> 00:00:04.000, darunter steht sein Text."
    ),
    "output_collision": (
        "Die Adresse {uri} würde zweimal veröffentlicht: als {first} und als {second}. Nur eines davon kann "
        "dort stehen; benennen Sie eines um."
    ),
    "owner_editor_file": "Ihre Datei {path}",
    "owner_page": "Seite aus {path}",
    "owner_generated_page": "erzeugte Seite „{title}“",
    "owner_asset": "Datei des Plugins",
    "owner_web_editor": "Web-Editor der Redaktion (admin/)",
    "owner_indicator_table": "Tabelle des Indikators '{indicator}' aus {path}",
    "owner_call_calendar": "Kalender der Beteiligung aus {path}",
    "owner_calls_calendar": "Kalender aller Beteiligungen",
    "owner_process_calls_calendar": "Kalender der Beteiligungen von „{process}“",
    "owner_area_calendar": "Kalender des Raums aus {path}",
    "owner_feed": "Atom-Feed der Website",
    "owner_open_data": "offene Daten der Website",
    "owner_widgets": "Bausteine zum Einbinden (einbetten/)",
    "report_pdf_missing": (
        "Der Sachstandsbericht (bericht/) wird ohne PDF veröffentlicht: {reason}. Bitte WeasyPrint installieren"
        " (pip install weasyprint; unter Debian und Ubuntu dazu: apt install libpango-1.0-0 libpangoft2-1.0-0)"
        " oder das PDF mit report_pdf: false in mkdocs.yml abschalten."
    ),
    "report_pdf_failed": "Das PDF des Sachstandsberichts ({path}) ließ sich nicht erstellen: {reason}",
    "owner_schema": "JSON-Schema der Einträge",
    "owner_shapes": "Umrisse für die Karten",
    # The plugin's options (plugins → ikep in mkdocs.yml; ikep_site/content/plugin_options.py)
    "option_not_mapping": "{name} muss eine Gruppe von Angaben sein ({keys} …), hier steht {got}.",
    "option_got_value": "der einzelne Wert '{value}'",
    "option_folder_bad": (
        "{name}: '{value}' taugt nicht als Ordnername. Bitte einen einfachen Namen aus Buchstaben, "
        "Ziffern, - und _ schreiben (ohne / und ..), z. B. {default}. Bis dahin gilt der Ordner {default}."
    ),
    "option_folder_generated": (
        "{name}: Den Ordner '{value}' legt ikep-site selbst an ({generated}). Bitte einen anderen Namen wählen."
    ),
    "option_folder_taken": (
        "{name}: '{value}' ist schon der Ordner für {other} ({where}). Jede Art braucht einen eigenen Ordner."
    ),
    "option_folder_default": "Voreinstellung",
    "option_folder_line": "Zeile {line}",
    "option_folder_process": (
        "{name}: '{value}' ist der Ordner eines Prozesses (mit prozess.yml). Bitte einen anderen Namen wählen."
    ),
    "option_folder_fallback": " Bis dahin gilt der Ordner {default}.",
    # DCAT-AP.de catalogue (render/dcat.py)
    "option_contributor_bad": (
        "{name}: '{value}' ist keine Kennung eines Datenbereitstellers. GovData vergibt sie auf Anfrage "
        "(info@govdata.de), z. B. transparenzportalHamburg: nur Buchstaben, Ziffern, ., - und _. "
        "Bis dahin steht im Katalog keine Kennung."
    ),
    "owner_catalogue": "Katalog der offenen Daten (DCAT-AP.de)",
    "site_url_missing": (
        "site_url fehlt in mkdocs.yml. Ohne die Adresse der Website können Kalender, Feed und der "
        "Datenkatalog (DCAT-AP.de) keine vollständigen Links enthalten und werden nicht erzeugt."
    ),
    # JSON Schemas for editors' tools (ikep_site/jsonschema.py)
    "schema_title": "{name} – Angaben für ikep-site",
    "schema_name_goals": "Ziel",
    "schema_name_projects": "Schlüsselprojekt",
    "schema_name_calls": "Beteiligungsangebot",
    "schema_name_areas": "Raum",
    "schema_name_networks": "Netzwerk",
    "schema_name_updates": "Meldung (Aktuelles)",
    "schema_name_process": "Prozess",
    "schema_name_operator": "Betreiber der Website",
    "schema_entity": (
        "Die Angaben im Kopf (Front Matter) einer Markdown-Datei im Ordner {folder}/. Die Kennung des "
        "Eintrags ist der Dateiname ohne .md."
    ),
    "schema_process": (
        "Die Angaben zum Prozess: in mkdocs.yml unter plugins → ikep → process oder in der Datei "
        "prozess.yml eines Prozessordners."
    ),
    "schema_operator": (
        "Die Angaben zum Betreiber in mkdocs.yml unter plugins → ikep → operator, gebraucht für Impressum, "
        "Datenschutzerklärung und Erklärung zur Barrierefreiheit."
    ),
    # The `ikep` command (ikep_site/cli.py)
    "cli_help": "Werkzeuge für die Redaktion einer Website mit ikep-site.",
    "cli_help_check": (
        "Prüft alle Inhalte, ohne die Website zu bauen, und nennt jedes Problem mit Datei und Zeile. "
        "ORDNER ist der Ordner mit der mkdocs.yml (Standard: der aktuelle Ordner)."
    ),
    "cli_help_format": "text (Standard) oder github: Hinweise zusätzlich direkt an den Zeilen im Pull Request.",
    "cli_help_new": (
        "Legt einen neuen Eintrag mit vorbereitetem, kommentiertem Kopf an. ART ist goal, project, call, "
        "area, network oder update (auch: ziel, projekt, beteiligung, raum, netzwerk, meldung)."
    ),
    "cli_help_dir": "Ordner der Website mit der mkdocs.yml (Standard: der aktuelle Ordner).",
    "cli_help_init": "Legt im leeren ORDNER eine neue Website mit je einem Beispiel jeder Art an.",
    "cli_no_config": (
        "Im Ordner {dir} gibt es keine mkdocs.yml. Bitte den Ordner der Website angeben, z. B. ikep check mein-ordner."
    ),
    "cli_config_unreadable": "mkdocs.yml ist nicht lesbar: {problem}",
    "cli_config_not_mapping": "mkdocs.yml muss aus Zeilen der Form schlüssel: wert bestehen.",
    "cli_plugin_missing": (
        "Das Plugin ikep ist in mkdocs.yml nicht eingetragen (unter plugins: die Zeile - ikep). Ohne es "
        "entstehen keine Seiten für Ziele, Schlüsselprojekte und Beteiligung."
    ),
    "cli_docs_dir_missing": "Den Inhaltsordner '{dir}' (docs_dir in mkdocs.yml) gibt es nicht.",
    "cli_summary": "{problems} in {files}",
    "cli_problem_one": "1 Problem",
    "cli_problems": "{count} Probleme",
    "cli_file_one": "1 Datei",
    "cli_files": "{count} Dateien",
    "cli_no_problems": "Keine Probleme gefunden.",
    "cli_step_summary": "Prüfung der Inhalte",
    "cli_empty_title": 'Bitte einen Titel angeben, z. B. ikep new project "Dorfladen Mehlbach".',
    "cli_exists": (
        "Die Datei {path} gibt es schon. Bitte die vorhandene Datei bearbeiten oder einen anderen Titel wählen."
    ),
    "cli_no_goal": (
        "Ein Schlüsselprojekt braucht mindestens ein Ziel, dem es dient, aber im Ordner {folder} gibt es "
        'noch keines. Bitte zuerst ein Ziel anlegen: ikep new goal "Titel des Ziels"'
    ),
    "cli_goal_chosen": "Als Ziel ist '{goal}' eingetragen; bitte prüfen. Vorhandene Ziele: {known}.",
    "cli_created": "Angelegt: {path}",
    "cli_created_next": (
        "Bitte die Angaben im Kopf prüfen und ergänzen; die Kommentare hinter # erklären jede Zeile. "
        "Danach prüfen mit: {command}"
    ),
    "cli_dir_not_empty": "Der Ordner {dir} ist nicht leer. Bitte einen neuen oder leeren Ordner angeben.",
    "cli_init_done": "Neue Website angelegt in {dir}. Wie es weitergeht, steht in {dir}/README.md.",
    # ikep init: the values it asks for or takes from --name, --kind, --operator
    "cli_help_init_name": 'Name des Prozesses, z. B. "Kreisentwicklungskonzept Landkreis Kaiserslautern".',
    "cli_help_init_kind": (
        "Art des Prozesses, z. B. Kreisentwicklungskonzept, Zukunfts-Check Dorf, interkommunale Kooperation "
        "oder Standortentwicklung; jeder andere Text geht auch."
    ),
    "cli_help_init_operator": (
        'Name des Betreibers der Website für das Impressum, z. B. "Kreisverwaltung Kaiserslautern".'
    ),
    "cli_init_intro": "Drei Angaben für die neue Website; Enter übernimmt den Vorschlag in eckigen Klammern.",
    "cli_init_ask_name": "Name des Prozesses",
    "cli_init_kinds": "Art des Prozesses: eine Nummer oder einen eigenen Text eingeben.",
    "cli_init_ask_kind": "Art des Prozesses",
    "cli_init_ask_operator": "Name des Betreibers der Website (für das Impressum)",
    "cli_init_empty": "Bitte einen Text angeben: {label} darf nicht leer sein.",
    "cli_init_one_line": "Bitte {label} in einer Zeile und ohne Steuerzeichen angeben.",
    "cli_init_not_utf8": (
        "Bitte {label} neu eintippen: Der Text enthält Zeichen, die sich nicht als UTF-8 speichern lassen."
    ),
    "cli_init_aborted": "Abgebrochen; es wurde nichts angelegt.",
    "cli_init_name_markup": (
        "Bitte {label} ohne spitze Klammern (< >) und ohne & direkt vor einem Buchstaben, einer Ziffer oder # "
        "angeben: Der Name steht auch im Kopf jeder Seite, und dort würden diese Zeichen als HTML gelesen."
    ),
    "cli_init_site_name_quotes": (
        "Im Namen der Website (site_name) und im Titel der Startseite stehen die Anführungszeichen als „ “, "
        "so wie sie im Kopf jeder Seite richtig erscheinen: {name}"
    ),
    "cli_init_label_name": "Name des Prozesses (process.name und site_name)",
    "cli_init_label_kind": "Art des Prozesses (process.kind)",
    "cli_init_label_operator": "Name des Betreibers (operator.name)",
    "cli_init_filled": "Eingetragen: {values}.",
    "cli_init_still_examples": (
        "Noch Beispiele sind: {values}. Bitte in {dir}/mkdocs.yml ersetzen (oder beim nächsten Mal "
        "gleich angeben: ikep init ORDNER --name … --kind … --operator …)."
    ),
    "cli_init_rest_examples": (
        "Außerdem erfunden: die mit (Beispiel) markierten Angaben in {dir}/mkdocs.yml (Anschrift, E-Mail und "
        "Telefon des Betreibers, Phasen und Grundlagen des Prozesses) und alle Einträge in {dir}/content/; "
        "bitte vor der Veröffentlichung ersetzen. Die Anleitung für die Redaktion liegt in {dir}/content/redaktion/."
    ),
    # The site's description in a new mkdocs.yml, naming the process.
    "init_site_description": "Ziele, Entwicklungskorridor, Schlüsselprojekte und Beteiligung: {name}.",
    "cli_call_dates": "Beginn und Ende sind vorläufig auf {date} gesetzt; bitte anpassen.",
    # ikep verify and ikep audit (ikep_site/checks/)
    "cli_help_verify": (
        "Prüft die gebaute Website im ORDNER (Standard: site) vor der Veröffentlichung: Sind Impressum, "
        "Datenschutzerklärung, Erklärung zur Barrierefreiheit, Leichte Sprache und der Feed da, und gibt es "
        "jede Datei, auf die eine Seite verweist? Braucht keinen Browser."
    ),
    "cli_help_audit": (
        "Prüft jede Seite der gebauten Website im ORDNER (Standard: site) in Chromium oder Chrome: "
        "Barrierefreiheit nach WCAG 2.1 A und AA (axe-core), Anfragen an fremde Server, Fehler in der "
        "Browser-Konsole und Verweise ins Leere. Vorher läuft ikep verify."
    ),
    "cli_help_browser": (
        "Pfad zu Chromium oder Chrome. Sonst gilt die Umgebungsvariable IKEP_BROWSER, sonst wird chromium, "
        "chromium-browser, google-chrome oder google-chrome-stable gesucht."
    ),
    "verify_not_built": (
        "Im Ordner {dir} liegt keine gebaute Website (es fehlt die Startseite index.html). Bitte zuerst "
        "mit mkdocs build --strict bauen und dann den Ordner der gebauten Website angeben, meist site."
    ),
    "verify_page_missing": (
        "Die Seite „{title}“ ({uri}) fehlt. Wurde die Website ohne das ikep-Plugin gebaut, etwa mit Zensical? "
        "Bitte mit mkdocs build --strict bauen. So darf die Website nicht veröffentlicht werden."
    ),
    "verify_feed_missing": (
        "Der Atom-Feed {uri} fehlt, obwohl die Website eine Adresse (site_url) hat. Wurde die Website "
        "ohne das ikep-Plugin gebaut? Bitte mit mkdocs build --strict bauen."
    ),
    "verify_file_missing": "Die Seite lädt {url}, aber die Datei {path} fehlt in der gebauten Website.",
    "verify_stylesheet_missing": "Das Stylesheet lädt {url}, aber die Datei {path} fehlt in der gebauten Website.",
    "verify_link_missing": "Der Verweis auf {url} führt ins Leere: {path} fehlt in der gebauten Website.",
    "verify_unreadable": "Die Seite lässt sich nicht lesen: {error}",
    "verify_elsewhere_one": "Ebenso an einer weiteren Stelle.",
    "verify_elsewhere": "Ebenso an {count} weiteren Stellen.",
    "verify_ok": "Die gebaute Website ist vollständig: {pages}, {files}, Pflichtseiten und Feed sind da.",
    "verify_failed": "{problems}: Die gebaute Website ist unvollständig und darf so nicht veröffentlicht werden.",
    "checks_page_one": "1 Seite",
    "checks_pages": "{count} Seiten",
    "checks_file_one": "1 verknüpfte Datei",
    "checks_files": "{count} verknüpfte Dateien",
    "audit_no_playwright": (
        "Für ikep audit fehlt das Python-Paket playwright. Bitte installieren mit: "
        "pip install 'ikep-site[audit]' (oder pip install playwright). Einen Browser lädt ikep audit "
        "nicht herunter: Es nutzt Chromium oder Chrome, das auf diesem Rechner installiert ist."
    ),
    "audit_no_browser": (
        "Kein Chromium oder Chrome gefunden. Bitte einen installieren (z. B. mit apt install chromium) "
        "oder den Pfad angeben: ikep audit --browser /pfad/zu/chromium, oder in der Umgebungsvariablen "
        "IKEP_BROWSER."
    ),
    "audit_browser_not_found": "Den Browser {path} gibt es nicht, oder er ist nicht ausführbar.",
    "audit_browser_failed": "Der Browser {path} lässt sich nicht starten: {error}",
    "audit_axe": "Barriere ({rule}): {help} Betrifft: {targets}",
    "audit_axe_more": "und {count} weitere",
    "audit_third_party": "Die Seite lädt etwas von einem fremden Server (blockiert): {url}",
    "audit_console": "Fehler in der Browser-Konsole: {text}",
    "audit_script_error": "Fehler in einem Skript der Seite: {text}",
    "audit_http_error": "Die Seite lädt {url}, aber der Server antwortet mit dem Status {status}.",
    "audit_anchor_missing": "Der Verweis auf {url} führt ins Leere: Die Seite {path} hat keine Stelle „{anchor}“.",
    "audit_load_failed": "Die Seite lässt sich im Browser nicht prüfen: {error}",
    "audit_timeout": "nach {seconds} Sekunden nicht fertig",
    "audit_ok": "Keine Befunde: {pages} im Browser geprüft (axe-core {version}, WCAG 2.1 A und AA).",
    "audit_failed": "{findings} auf {pages_with} von {pages}.",
    "audit_finding_one": "1 Befund",
    "audit_findings": "{count} Befunde",
    "audit_start": "Prüfe {pages} im Browser ({browser}) …",
}

# The kinds of process `ikep init` offers by number; any other text is accepted as the kind too.
PROCESS_KINDS: Final = (
    "Kreisentwicklungskonzept",
    "Zukunfts-Check Dorf",
    "interkommunale Kooperation",
    "Standortentwicklung",
)

# What is wrong with one shape of a boundary file (keys from ikep_site.geometry.GeometryError).
_GEOMETRY_PROBLEMS: Final = {
    "geometry_bad_feature": "Der Eintrag ist kein GeoJSON-Feature.",
    "geometry_bad_properties": "Die Eigenschaften (properties) sind keine Gruppe von Angaben.",
    "geometry_missing": "Die Fläche hat keine Geometrie.",
    "geometry_unsupported_type": "Nur Polygon und MultiPolygon sind möglich, hier steht {type}.",
    "geometry_bad_coordinates": "Die Koordinatenliste hat nicht die Form eines Polygons.",
    "geometry_bad_position": "Punkt {position} ist kein Paar aus Länge und Breite.",
    "geometry_not_finite": "Punkt {position} enthält keine gültige Zahl.",
    "geometry_lon_out_of_range": "Punkt {position}: Länge {value} liegt nicht zwischen -180 und 180.",
    "geometry_lat_out_of_range": "Punkt {position}: Breite {value} liegt nicht zwischen -90 und 90.",
    "geometry_ring_too_short": "Ein Umring hat nur {count} Punkte (mindestens 4).",
    "geometry_ring_not_closed": "Ein Umring ist nicht geschlossen (erster und letzter Punkt verschieden).",
    "geometry_empty": "Die Datei enthält keine Flächen.",
    "geometry_too_large": (
        "Die Datei ist {megabytes} MB groß, höchstens {limit} MB sind möglich. Bitte die Grenzen vorher "
        "vereinfachen (z. B. mit mapshaper.org) oder nur die nötigen Flächen speichern."
    ),
    "geometry_too_deep": "Die Klammern [ ] sind viel tiefer verschachtelt, als GeoJSON es erlaubt.",
    "geometry_too_many_vertices": (
        "Die Flächen haben zusammen {count} Eckpunkte, höchstens {limit} sind möglich. Bitte die Grenzen "
        "vorher vereinfachen (z. B. mit mapshaper.org)."
    ),
}


def geometry_problem_de(key: str, details: dict[str, object], file: str) -> str:
    """An editor message for a GeometryError, with the 0-based indexes counted from 1."""
    if key == "geometry_not_collection":
        return MESSAGES["geometry_not_collection"].format(value=file)
    shown = {
        name: (value + 1 if isinstance(value, int) and name not in _GEOMETRY_AMOUNTS else value)
        for name, value in details.items()
    }
    shown.update({name: _thousands(value) for name, value in shown.items() if name in _GEOMETRY_AMOUNTS})
    what = _GEOMETRY_PROBLEMS.get(key, key).format_map(_Default(shown))
    where = f"Fläche Nr. {shown['feature']}" if "feature" in shown else "die Datei"
    return MESSAGES["geometry_bad_shape"].format(value=file, where=where, what=what)


# Details that are amounts, not 0-based positions.
_GEOMETRY_AMOUNTS: Final = ("count", "limit", "megabytes")


def _thousands(value: object) -> object:
    """1.000.000, as Germans write it."""
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else value


class _Default(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


# PyYAML's problem texts, said in German with what usually causes them.
_YAML_PROBLEMS: Final = {
    "mapping values are not allowed here": (
        "Ein Doppelpunkt steht an einer unerwarteten Stelle. Enthält ein Text einen Doppelpunkt, "
        "bitte den ganzen Text in Anführungszeichen setzen."
    ),
    "found character '\\t' that cannot start any token": (
        "In der Zeile steht ein Tabulatorzeichen. Bitte nur Leerzeichen verwenden, zum Einrücken und "
        "nach dem Doppelpunkt."
    ),
    "found undefined alias": "Ein Sternchen * am Anfang eines Wertes. Bitte den Text in Anführungszeichen setzen.",
    "expected <block end>, but found": "Die Einrückung stimmt nicht. Bitte die Leerzeichen am Zeilenanfang prüfen.",
    "found unexpected end of stream": "Ein Anführungszeichen oder eine Klammer wird nicht geschlossen.",
    "expected ',' or ']'": "Eine Liste in eckigen Klammern [ ] ist nicht richtig geschlossen.",
    "expected ',' or '}'": "Eine Gruppe in geschweiften Klammern { } ist nicht richtig geschlossen.",
    "found unknown escape character": (
        "Ein umgekehrter Schrägstrich \\ in Anführungszeichen. Bitte einfache Anführungszeichen ' verwenden."
    ),
    "could not find expected ':'": "Einer Zeile fehlt der Doppelpunkt nach dem Schlüssel (schlüssel: wert).",
    "found character that cannot start any token": (
        "Ein Wert beginnt mit einem Sonderzeichen (z. B. @ oder `). Bitte den Wert in Anführungszeichen setzen."
    ),
}


def yaml_problem_de(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for english, german in _YAML_PROBLEMS.items():
        if problem.startswith(english) or english in problem:
            return german
    return f"YAML-Fehler ({problem or error.context})."
