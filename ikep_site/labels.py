"""Every German word a citizen or an editor reads, in one place.

Templates get this module's `LABELS` as `L`; Python code imports the names it needs. What editors read
in error messages lives beside it in `messages.py`.
"""

from __future__ import annotations

from typing import Final

MONTHS: Final = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS: Final = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

PROJECT_STATUS: Final = {
    "idea": "Idee",
    "planned": "Geplant",
    "in_progress": "In Umsetzung",
    "done": "Abgeschlossen",
    "paused": "Pausiert",
    "dropped": "Eingestellt",
}
# Words editors may write instead of the value; used to suggest the right one.
PROJECT_STATUS_WORDS: Final = {
    **{label: key for key, label in PROJECT_STATUS.items()},
    "laufend": "in_progress",
    "in Arbeit": "in_progress",
    "umgesetzt": "done",
    "fertig": "done",
    "abgebrochen": "dropped",
    "ruht": "paused",
}
# Plural headings for the projects overview, grouped by status.
PROJECT_STATUS_GROUP: Final = {
    "in_progress": "In Umsetzung",
    "planned": "Geplant",
    "idea": "Ideen",
    "done": "Abgeschlossen",
    "paused": "Pausiert",
    "dropped": "Eingestellt",
}
CALL_FORMAT: Final = {
    "workshop": "Werkstatt",
    "meeting": "Versammlung",
    "walk": "Ortsbegehung",
    "survey": "Umfrage",
    "online": "Online-Beteiligung",
    "other": "Beteiligung",
}
CALL_STATE: Final = {"announced": "angekündigt", "open": "offen", "closed": "abgeschlossen"}
AREA_KIND: Final = {
    "gemeinde": "Gemeinde",
    "verbandsgemeinde": "Verbandsgemeinde",
    "landkreis": "Landkreis",
    "kooperationsraum": "Kooperationsraum",
    "other": "Gebiet",
}
NETWORK_MEMBER_KIND: Final = {
    "municipality": "Kommune",
    "administration": "Verwaltung",
    "politics": "Politik",
    "association": "Verein oder Verband",
    "business": "Wirtschaft",
    "citizens": "Bürgerschaft",
    "other": "Weitere",
}
CORRIDOR_STATUS: Final = {
    "inside": "im Korridor",
    "better": "besser als der Korridor",
    "outside": "außerhalb des Korridors",
    "no_data": "keine Daten",
}
BETTER: Final = {"lower": "niedriger ist besser", "higher": "höher ist besser"}
FOUNDATION: Final = {
    "management": "Aktives Prozessmanagement",
    "chefsache": "Der Prozess ist Chefsache",
    "administration": "Eine motivierte, veränderungsbereite Verwaltung",
    "councils": "Politische Unterstützung durch die Räte",
    "actors": "Fähigkeiten interessierter Akteurinnen und Akteure",
    "opinion_leaders": "Eingebundene Meinungsführerinnen und Meinungsführer",
    "dialogue": "Offener Dialog mit den Bürgerinnen und Bürgern",
}
FOUNDATION_STATE: Final = {"yes": "gegeben", "partly": "teilweise gegeben", "no": "noch nicht gegeben"}
PHASE_STATE: Final = {"past": "abgeschlossen", "current": "aktuelle Phase", "future": "geplant"}

# Titles of the pages and overviews the plugin generates.
PAGE_TITLE: Final = {
    "goals": "Ziele",
    "projects": "Schlüsselprojekte",
    "calls": "Beteiligung",
    "areas": "Räume",
    "networks": "Netzwerke",
    "updates": "Aktuelles",
    "process": "Der Prozess",
    "imprint": "Impressum",
    "privacy": "Datenschutzerklärung",
    "accessibility": "Erklärung zur Barrierefreiheit",
    "easy_language": "Leichte Sprache",
    "sign_language": "Gebärdensprache",
    "open_data": "Offene Daten",
    "portal": "Entwicklungsprozesse",
    "report": "Sachstandsbericht",
    "embed": "Auf Ihrer Website einbinden",
}

# Short labels used in templates (`L.<name>`).
LABELS: Final = {
    "status": "Status",
    "progress": "Fortschritt",
    "progress_value": "{value} % umgesetzt",
    # How far the projects of a goal or Handlungsfeld are (derive.project_progress).
    "progress_mean": "Im Mittel {percent} umgesetzt",
    "progress_none_counted": "Alle Schlüsselprojekte sind eingestellt; ein Fortschritt lässt sich nicht angeben.",
    "progress_no_projects": "Noch keine Schlüsselprojekte.",
    "goals_without_field": "Weitere Ziele",
    "lead": "Verantwortlich",
    "period": "Zeitraum",
    "since": "seit {start}",
    "until": "bis {end}",
    "funding": "Förderung",
    "budget": "Budget",
    "location": "Ort",
    "coordinates": "Koordinaten",
    "coordinates_value": "{lat}° N, {lon}° O",
    "milestones": "Meilensteine",
    "milestone_done": "erreicht",
    "milestone_open": "offen",
    "updates": "Neuigkeiten",
    "goals": "Ziele",
    "projects": "Schlüsselprojekte",
    "areas": "Räume",
    "networks": "Netzwerke",
    "calls": "Beteiligung",
    "field": "Handlungsfeld",
    "indicators": "Indikatoren",
    "indicator": "Indikator",
    "unit": "Einheit",
    "source": "Quelle",
    "direction": "Richtung",
    "year": "Jahr",
    "value": "Messwert",
    "corridor": "Korridor",
    "corridor_min": "Korridor von",
    "corridor_max": "Korridor bis",
    "corridor_status": "Stand gegenüber dem Korridor",
    "newest_value": "Neuester Wert",
    "csv_download": "Daten als CSV herunterladen",
    "chart_label": "Diagramm: {name}",
    "chart_table_caption": "Messwerte und Entwicklungskorridor: {name}",
    "no_projects": "Diesem Eintrag sind noch keine Schlüsselprojekte zugeordnet.",
    "no_entries": "Noch keine Einträge.",
    "no_calls": "Zurzeit gibt es keine Beteiligungsangebote.",
    "calls_archive": "Archiv: abgeschlossene Beteiligung",
    "processes_count": "{goals} · {projects} · {calls}",  # each a counted noun (PLURALS)
    "process_of": "Prozess",
    "no_calls_past": "Noch keine abgeschlossenen Beteiligungsangebote.",
    "add_to_calendar": "In den Kalender eintragen",
    "subscribe_calendar": "Alle Termine als Kalender abonnieren",
    "subscribe_area_calendar": "Termine in diesem Raum als Kalender abonnieren",
    "subscribe_feed": "Neuigkeiten als Feed abonnieren",
    "open_data_intro": (
        "Alle Angaben dieser Website stehen hier als Dateien zum Herunterladen bereit: für eigene "
        "Auswertungen, für die Presse und für andere Kommunen. Sie werden bei jeder Veröffentlichung "
        "aus denselben Inhalten erzeugt wie die Seiten."
    ),
    "open_data_licence": "Die Texte und Daten stehen unter der Lizenz",
    "open_data_geodata": (
        "Für die Gebietsgrenzen gilt: © GeoBasis-DE / BKG (Daten verändert), Datenlizenz Deutschland – "
        "Namensnennung – Version 2.0."
    ),
    "open_data_files": "Dateien",
    "open_data_process": "der ganze Prozess mit allen Einträgen, auch den Beschlüssen und früheren Korridoren (JSON)",
    "open_data_projects": "Schlüsselprojekte (CSV)",
    "open_data_goals": "Ziele mit ihren Indikatoren (CSV)",
    "open_data_indicator_values": "Messwerte und der jetzt geltende Entwicklungskorridor je Indikator und Jahr (CSV)",
    "open_data_calls": "Beteiligungsangebote (CSV)",
    "open_data_areas": "Räume mit ihren Gebietsgrenzen (GeoJSON)",
    "open_data_calendar": "Kalender aller Beteiligungsangebote (iCalendar)",
    "open_data_feed": "Neuigkeiten und Beteiligung als Feed (Atom)",
    # DCAT-AP.de catalogue (render/dcat.py), listed with the files on daten/.
    "open_data_catalogue": (
        "Katalog dieser Dateien nach DCAT-AP.de (RDF im Format Turtle), damit Datenportale wie GovData "
        "sie finden und übernehmen können"
    ),
    "open_data_csv_format": (
        "Die CSV-Dateien sind UTF-8-kodiert, durch Semikolon getrennt und haben eine Kopfzeile; Zahlen "
        "stehen mit Dezimalkomma, Datumsangaben als JJJJ-MM-TT. So öffnen sie sich direkt in deutschen "
        "Tabellenprogrammen."
    ),
    "open_data_columns": "Spalten von {file}",
    "open_data_column": "Spalte",
    "open_data_meaning": "Bedeutung",
    "serves_goals": "Dient den Zielen",
    "projects_of_goal": "Schlüsselprojekte zu diesem Ziel",
    "projects_in_area": "Schlüsselprojekte in diesem Raum",
    "projects_of_network": "Schlüsselprojekte dieses Netzwerks",
    "calls_in_area": "Beteiligung in diesem Raum",
    "members": "Mitglieder",
    "member_list": "Zugehörige Gebiete",
    # Members of an area, named as fits its kind (area.html); the list is the map's legend.
    "members_of_landkreis": "Verbandsgemeinden und Gemeinden im Landkreis",
    "members_of_verbandsgemeinde": "Ortsgemeinden der Verbandsgemeinde",
    "members_of_kooperationsraum": "Beteiligte Gemeinden",
    "members_of_gemeinde": "Zugehörige Gebiete",
    "members_of_other": "Zugehörige Gebiete",
    "members_single": "Gebiet",
    "members_numbers_note": "Die Nummern auf der Karte gehören zu dieser Liste.",
    "purpose": "Zweck",
    "role": "Rolle",
    "contact": "Kontakt",
    # Council decisions (decisions on goals and projects; all of a process on its page).
    "decisions": "Beschlüsse",
    "decisions_of_process": "Beschlüsse im Prozess",
    "decision_number": "Vorlage {number}",
    "decision_of_goal": "zum Ziel",
    "decision_of_project": "zum Schlüsselprojekt",
    "email": "E-Mail",
    "phone": "Telefon",
    "web": "Internet",
    "kind": "Art",
    "updated": "Zuletzt aktualisiert",
    "date": "Datum",
    "more": "Mehr erfahren",
    "read_more": "Weiterlesen: {title}",
    "filter_heading": "Liste eingrenzen",
    "filter_goal": "Nach Ziel",
    "filter_area": "Nach Raum",
    "filter_all": "alle",
    "filter_result": "{count} von {total} Schlüsselprojekten angezeigt",
    "filter_none": "Keine Schlüsselprojekte passen zu dieser Auswahl.",
    "by_status": "Nach Status",
    "phases": "Phasen des Prozesses",
    "current_phase": "Aktuelle Phase",
    "foundations": "Grundlagen des Prozesses",
    "management": "Prozessmanagement und Kontakt",
    "support": "Externe Unterstützung",
    "process_area": "Gebiet des Prozesses",
    "process_kind": "Art des Prozesses",
    "from_project": "Aus dem Projekt {title}",
    "news": "Aktuelles",
    "news_project": "Projekt",
    "goal_status_overview": "Stand der Indikatoren",
    "image": "Bild",
    "fictional": "Fiktives Beispiel",
    "legal_missing": (
        "Für diese Seite fehlen Angaben des Betreibers in der Konfiguration (mkdocs.yml, "
        "Abschnitt operator): {missing}. Bitte ergänzen Sie sie, bevor die Website veröffentlicht wird."
    ),
    "open_end": "offen",
    "foundations_intro": (
        "Ein integrierter Entwicklungsprozess gelingt, wenn sieben Grundlagen gegeben sind. So steht es um sie:"
    ),
    "no_statement": "keine Angabe",
    "legal_missing_title": "Angaben fehlen",
    "operator_fields_imprint": "name, address, email, represented_by",
    "operator_fields_privacy": "name, address, email, privacy_contact",
    "operator_fields_accessibility": "name, accessibility_contact, enforcement",
    # Impressum
    "imprint_provider": "Anbieter",
    "imprint_represented": "Vertreten durch",
    "imprint_responsible": "Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag",
    "imprint_liability_heading": "Haftung für Links",
    "imprint_liability": (
        "Diese Website enthält Verweise auf Websites Dritter. Für deren Inhalte sind ausschließlich "
        "die jeweiligen Anbieter verantwortlich. Zum Zeitpunkt der Verlinkung waren keine "
        "Rechtsverstöße erkennbar; bei Bekanntwerden entfernen wir solche Links umgehend."
    ),
    "imprint_geodata_heading": "Kartengrundlagen",
    "imprint_geodata": (
        "Gebietsgrenzen: © GeoBasis-DE / BKG (Daten verändert), Datenlizenz Deutschland – "
        "Namensnennung – Version 2.0. Die Quelle ist bei jeder Karte angegeben."
    ),
    # Datenschutzerklärung
    "privacy_controller": "Verantwortliche Stelle",
    "privacy_officer": "Datenschutzbeauftragte Stelle",
    "privacy_hosting_heading": "Bereitstellung der Website",
    "privacy_hosting": (
        "Diese Website besteht aus fertigen Seiten ohne Anmeldung und ohne Formulare. Sie wird über "
        "{hosting} bereitgestellt. Beim Aufruf einer Seite verarbeitet der Server technisch notwendige "
        "Daten (IP-Adresse, Datum und Uhrzeit, aufgerufene Adresse, Angaben zum Browser), um die Seite "
        "auszuliefern und die Sicherheit des Betriebs zu gewährleisten. Rechtsgrundlage ist "
        "Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Rheinland-Pfalz."
    ),
    "privacy_none_heading": "Keine Cookies, keine Analyse, keine Inhalte Dritter",
    "privacy_none": (
        "Diese Website setzt keine Cookies, verwendet keine Analyse- oder Trackingdienste und lädt "
        "beim Aufruf keine Inhalte von anderen Servern – auch keine Schriften. Die Suche läuft "
        "vollständig in Ihrem Browser. Hintergrundkarten eines Kartendienstes werden nur geladen, "
        "wenn Sie das ausdrücklich anfordern; darauf wird an der Karte hingewiesen."
    ),
    # Only where the site has the web editor at admin/ (plugin option `editor`, on unless false).
    "privacy_editor_heading": "Web-Editor für die Redaktion",
    "privacy_editor": (
        "Unter der Adresse admin/ dieser Website liegt ein Web-Editor, mit dem die Redaktion die "
        "Inhalte pflegt. Er ist nur für die Redaktion bestimmt; keine Seite für Bürgerinnen und Bürger "
        "verweist auf ihn."
    ),
    "privacy_editor_github": (
        "Meldet sich jemand aus der Redaktion dort an, verbindet sich der Browser dieser Person mit "
        "GitHub, wo die Inhalte der Website gespeichert sind: mit github.com, api.github.com und "
        "www.githubstatus.com, für das Profilbild mit avatars.githubusercontent.com. GitHub (GitHub Inc., "
        "USA) verarbeitet dabei die Angaben des GitHub-Kontos nach seinen eigenen "
        "Datenschutzbestimmungen. Die Anmeldung bleibt im Browser gespeichert, bis die Person sich abmeldet."
    ),
    "privacy_editor_auth": (
        "Für die Anmeldung verbindet sich der Browser außerdem mit dem Anmeldedienst {auth_host}. Er "
        "vermittelt zwischen dem Web-Editor und GitHub und gibt den Zugangsschlüssel, den GitHub für die "
        "Person ausstellt, an ihren Browser weiter."
    ),
    "privacy_editor_readers": (
        "Beim Lesen der Website entstehen diese Verbindungen nicht; sie betreffen nur die Anmeldung und "
        "die Arbeit im Web-Editor."
    ),
    "privacy_contact_heading": "Wenn Sie uns schreiben",
    "privacy_contact": (
        "Schreiben Sie uns eine E-Mail oder melden Sie sich zu einer Veranstaltung an, verarbeiten wir "
        "Ihre Angaben nur, um Ihr Anliegen zu bearbeiten, und löschen sie, wenn sie dafür nicht mehr "
        "gebraucht werden und keine Aufbewahrungspflicht besteht."
    ),
    "privacy_rights_heading": "Ihre Rechte",
    "privacy_rights": (
        "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), "
        "Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Wenden Sie sich dazu an "
        "die oben genannte Stelle."
    ),
    "privacy_complaint": (
        "Sie können sich außerdem beim Landesbeauftragten für den Datenschutz und die "
        "Informationsfreiheit Rheinland-Pfalz beschweren (Hintere Bleiche 34, 55116 Mainz, "
        "www.datenschutz.rlp.de)."
    ),
    # Erklärung zur Barrierefreiheit
    "a11y_scope": (
        "{operator} ist bemüht, diese Website im Einklang mit dem Landesinklusionsgesetz "
        "Rheinland-Pfalz und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei "
        "zugänglich zu machen. Diese Erklärung gilt für die gesamte Website."
    ),
    "a11y_status_heading": "Stand der Vereinbarkeit mit den Anforderungen",
    "a11y_status": "Diese Website ist mit den Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) teilweise vereinbar.",
    # Only where the site's workflow runs `ikep audit` before it publishes (checks/workflows.py).
    "a11y_checked_automatically": (
        "Vor jeder Veröffentlichung wird jede Seite automatisch auf Barrieren geprüft (mit dem "
        "Prüfprogramm axe-core nach WCAG 2.1, Stufen A und AA); findet die Prüfung einen Mangel, wird "
        "die neue Fassung nicht veröffentlicht."
    ),
    "a11y_not_checked_automatically": (
        "Eine automatische Prüfung der Seiten auf Barrieren vor jeder Veröffentlichung findet nicht statt."
    ),
    "a11y_status_more": (
        "Eine vollständige Prüfung durch Fachleute steht noch aus. Diagramme sind zusätzlich als Tabelle "
        "und als Datei verfügbar, Karten zusätzlich als Liste der Gemeinden."
    ),
    "a11y_limits_heading": "Nicht barrierefreie Inhalte",
    "a11y_limit_documents": (
        "Von der Redaktion verlinkte Dokumente (z. B. PDF-Dateien anderer Stellen) sind möglicherweise "
        "nicht barrierefrei."
    ),
    "a11y_limit_manual": (
        "Automatische Prüfungen finden nicht alle Barrieren. Wenn Ihnen eine auffällt, freuen wir uns "
        "über Ihre Rückmeldung."
    ),
    "a11y_limit_unchecked": (
        "Es kann Barrieren geben, die uns noch nicht aufgefallen sind. Wenn Ihnen eine auffällt, freuen "
        "wir uns über Ihre Rückmeldung."
    ),
    "a11y_made_heading": "Erstellung dieser Erklärung",
    # The statement is made anew with every publication; only an audited one was checked that day.
    "a11y_made": "Diese Erklärung wurde am {date} erstellt (Selbstbewertung).",
    "a11y_made_audited": (
        "Diese Erklärung wurde am {date} erstellt; an diesem Tag wurden alle Seiten automatisch "
        "geprüft (Selbstbewertung)."
    ),
    "a11y_feedback_heading": "Barrieren melden: Kontakt zu den Feedback-Ansprechpartnern",
    "a11y_feedback": (
        "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder brauchen Sie Inhalte in einer "
        "anderen Form? Dann wenden Sie sich bitte an:"
    ),
    "a11y_enforcement_heading": "Durchsetzungsverfahren",
    "a11y_enforcement": (
        "Erhalten Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort, "
        "können Sie sich an die Durchsetzungs- und Schlichtungsstelle wenden. Das Verfahren ist "
        "kostenlos; Sie brauchen keinen Rechtsbeistand."
    ),
    # Leichte Sprache (templates/ikep/easy-language.html), written to the rules of the Netzwerk
    # Leichte Sprache: one statement per sentence, each sentence on its own line ("\n"), "Sie",
    # active voice, no abbreviations, compound nouns with a hyphen, hard words explained where
    # they first occur (`{term}` is the word, shown as its definition, <dfn>).
    # tests/test_sign_and_easy_language.py checks the measurable rules on every entry.
    "easy_welcome": "Hier erklären wir diese Internet-Seite in Leichter Sprache.",
    "easy_contents_heading": "Darum geht es auf dieser Internet-Seite",
    # The hard words, as the page writes and explains them.
    "easy_word_indicator": "Indikator",
    "easy_word_corridor": "Entwicklungs-Korridor",
    "easy_word_projects": "Schlüssel-Projekte",
    "easy_word_calls": "Beteiligung",
    "easy_word_phase": "Phase",
    "easy_word_sign": "Gebärden-Sprache",
    "easy_word_a11y": "Barriere-frei",
    "easy_word_enforcement": "Schlichtungs-Stelle",
    "easy_plan": "Auf dieser Internet-Seite geht es um einen Plan für die Zukunft.",
    "easy_plans": "Auf dieser Internet-Seite geht es um {count} Pläne für die Zukunft.",
    "easy_kind": "Die Art von diesem Plan heißt: {term}.",
    "easy_kind_explained": (
        "Das Wort ist schwer.\nDarum erklären wir das Wort:\n"
        "Die Verwaltung und viele Menschen machen zusammen einen Plan.\n"
        "Im Plan steht: So soll unsere Gegend in Zukunft sein.\n"
        "Und im Plan steht: Das tun wir dafür."
    ),
    "easy_name": "Der Plan hat diesen Namen: {name}.",
    "easy_plan_kind": "Die Art von dem Plan heißt: {kind}.",
    "easy_who": "Die Internet-Seite ist von: {operator}.",
    "easy_parts": "Die Internet-Seite hat diese Teile:",
    "easy_goals": "Das wollen wir erreichen.",
    "easy_indicator": "Zu jedem Ziel gibt es Zahlen.\nDie Zahlen zeigen: So weit sind wir schon.",
    "easy_indicator_term": "So eine Zahl heißt: {term}.",
    "easy_corridor_term": "Für jeden Indikator gibt es einen {term}.",
    "easy_corridor": (
        "Das ist ein Bereich für die Zahl.\n"
        "Der Bereich hat eine untere Grenze und eine obere Grenze.\n"
        "Die Zahl soll in diesem Bereich liegen.\n"
        "Dann kommen wir dem Ziel näher."
    ),
    "easy_projects": (
        "Das sind die wichtigsten Projekte.\nEin Projekt ist eine Aufgabe.\nDie Aufgabe hat einen Anfang und ein Ende."
    ),
    "easy_project_example": "Ein Beispiel ist: {title}.",
    "easy_calls": "Das heißt: Sie machen mit.\nSie sagen Ihre Meinung.\nWir hören Ihnen zu.",
    "easy_areas": "Hier sehen Sie die Orte auf einer Karte.\nFür diese Orte gilt der Plan.",
    "easy_networks": (
        "Ein Netzwerk ist eine Gruppe.\nIn der Gruppe arbeiten viele zusammen.\nZum Beispiel Vereine und Gemeinden."
    ),
    "easy_updates": "Hier lesen Sie Neuigkeiten.",
    "easy_now_heading": "Das passiert gerade",
    "easy_phases": "Der Plan hat mehrere Schritte.",
    "easy_phase_term": "So ein Schritt heißt: {term}.",
    "easy_phase_now": "Jetzt ist diese Phase: {phase}.",
    "easy_phase_until": "Die Phase dauert bis zum {date}.",
    "easy_next_calls": "Das sind die nächsten Termine zum Mit-Machen:",
    "easy_calls_over": "Alle Termine sind vorbei.\nNeue Termine schreiben wir hier auf.",
    "easy_calls_none": "Neue Termine zum Mit-Machen schreiben wir hier auf.",
    "easy_call_format_workshop": "Das ist eine Werkstatt.\nDort arbeiten wir zusammen an Ideen.",
    "easy_call_format_meeting": "Das ist eine Versammlung.\nDort treffen wir uns und reden miteinander.",
    "easy_call_format_walk": "Das ist ein Rundgang.\nWir gehen zusammen durch den Ort.",
    "easy_call_format_survey": "Das ist eine Umfrage.\nSie beantworten Fragen.",
    "easy_call_format_online": "Das ist ein Termin im Internet.\nSie machen am Computer oder am Handy mit.",
    "easy_call_format_other": "Das ist ein Termin zum Mit-Machen.",
    "easy_call_when": "Wann:",
    "easy_call_where": "Wo:",
    "easy_call_online": "im Internet",
    "easy_call_state": "Stand:",
    "easy_time": "um {time} Uhr",
    "easy_time_span": "von {start} Uhr bis {end} Uhr",
    "easy_days_span": "vom {start} bis zum {end}",
    "easy_deadline_registration": "Bitte melden Sie sich bis zum {date} an.",
    "easy_deadline_participation": "Sie können bis zum {date} mit-machen.",
    "easy_call_register": "Hier melden Sie sich an:",
    "easy_call_take_part": "Hier machen Sie mit:",
    "easy_call_take_part_link": "Zur Beteiligung im Internet",
    "easy_call_accessibility": "Hinweis für Menschen mit Behinderung:",
    "easy_take_part_heading": "So können Sie mit-machen",
    "easy_take_part": (
        "Sie können zu einem Treffen kommen.\nOder Sie machen im Internet mit.\n"
        "Für manche Termine melden Sie sich vorher an.\nDas heißt: Sie sagen vorher Bescheid."
    ),
    "easy_all_calls": "Alle Termine stehen auf dieser Seite:",
    "easy_questions_heading": "Hier bekommen Sie Hilfe",
    "easy_questions": "Bei Fragen zum Plan melden Sie sich bei:",
    "easy_questions_site": "Bei Fragen melden Sie sich bei:",
    "easy_mail": "Schreiben Sie eine E-Mail an:",
    "easy_phone": "Oder rufen Sie an:",
    "easy_help": "Wir helfen Ihnen gern.",
    "easy_navigation_heading": "So finden Sie sich auf der Internet-Seite zurecht",
    "easy_navigation_menu": (
        "Oben auf jeder Seite ist ein Menü.\nIm Menü stehen die Teile von der Internet-Seite.\n"
        "Klicken Sie auf einen Teil.\nDann kommen Sie zu diesem Teil."
    ),
    "easy_navigation_phone": (
        "Auf dem Handy sehen Sie oben links ein Zeichen mit 3 Strichen.\n"
        "Tippen Sie auf das Zeichen.\nDann sehen Sie das Menü."
    ),
    "easy_navigation_search": (
        "Oben rechts ist die Suche.\nDas Zeichen für die Suche ist eine Lupe.\n"
        "Schreiben Sie ein Wort in die Suche.\nDann sehen Sie alle Seiten mit diesem Wort."
    ),
    "easy_navigation_links": (
        "Ein Link ist ein Wort in einer anderen Farbe.\nKlicken Sie auf einen Link.\n"
        "Dann kommen Sie zu einer anderen Seite."
    ),
    "easy_navigation_footer": (
        "Ganz unten auf jeder Seite stehen wichtige Links.\nZum Beispiel ein Link zu dieser Seite in Leichter Sprache."
    ),
    "easy_more_heading": "Leichte Sprache und Gebärden-Sprache",
    "easy_more": "Die wichtigsten Informationen in Leichter Sprache stehen auf dieser Seite.",
    "easy_sign_term": "{term} ist eine Sprache mit den Händen.",
    "easy_sign": "Viele Menschen mit Hör-Behinderung sprechen Gebärden-Sprache.",
    "easy_sign_video": "Wir erklären die Internet-Seite auch in Gebärden-Sprache.\nDas Video finden Sie hier:",
    "easy_sign_pending": ("Wir machen gerade ein Video in Gebärden-Sprache.\nDas Video kommt dann auf diese Seite:"),
    "easy_a11y_heading": "Barriere-Freiheit",
    "easy_a11y_term": "{term} heißt: Alle Menschen können die Internet-Seite gut benutzen.",
    "easy_a11y": (
        "Auch Menschen mit Behinderung.\nWir haben eine Erklärung zur Barriere-Freiheit geschrieben.\n"
        "In der Erklärung steht:"
    ),
    "easy_a11y_partly": "Die Internet-Seite ist zum Teil barriere-frei.",
    "easy_a11y_documents": "Manche Dokumente zum Herunterladen sind schwer zu benutzen.",
    "easy_a11y_checked": "Ein Computer-Programm prüft alle Seiten vor jeder Änderung.",
    "easy_a11y_sign_missing": "Das Video in Gebärden-Sprache fehlt noch.",
    "easy_a11y_report": ("Vielleicht ist etwas auf der Internet-Seite schwer zu benutzen.\nDann schreiben Sie uns:"),
    "easy_a11y_enforcement_term": (
        "Vielleicht brauchen Sie nach unserer Antwort noch mehr Hilfe.\nDann hilft Ihnen die {term}."
    ),
    "easy_a11y_enforcement": "Die Schlichtungs-Stelle hilft bei Streit.\nDie Hilfe ist kostenlos.",
    "easy_a11y_full": "Die ganze Erklärung in schwerer Sprache finden Sie hier:",
    # Gebärdensprache (templates/ikep/sign-language.html)
    "sign_intro": "In diesem Video erklären wir diese Website in Deutscher Gebärdensprache.",
    "sign_video_label": "Erklärung der Website in Deutscher Gebärdensprache",
    "sign_no_video_support": "Ihr Browser kann das Video nicht abspielen.",
    "sign_download": "Video herunterladen",
    "sign_download_details": "MP4-Datei, {size}, Dauer {duration}",
    "sign_transcript_heading": "Was im Video gesagt wird",
    "sign_transcript_note": "Der Text des Videos, wie er in den Untertiteln steht:",
    "sign_pending": (
        "Eine Erklärung dieser Website in Deutscher Gebärdensprache wird vorbereitet und hier veröffentlicht."
    ),
    "sign_pending_contact": "Bis dahin beantworten wir Ihre Fragen gern schriftlich. Wenden Sie sich bitte an:",
    "sign_easy_language": "Eine Erklärung in Leichter Sprache finden Sie hier:",
    "a11y_limit_sign_language": (
        "Die nach § 4 BITV 2.0 vorgeschriebene Erklärung dieser Website in Deutscher Gebärdensprache fehlt "
        "noch; sie wird vorbereitet."
    ),
    "footer_legal": "Rechtliches",
    "search_dialog": "Suche auf dieser Website",
    "print_as_of": "Stand: {date}",
    "when": "Wann",
    "deadline": "Anmeldung oder Teilnahme bis",
    # What a call's deadline ends (derive.call_deadline), and what the page says once it passed.
    "deadline_registration": "Anmeldung bis",
    "deadline_participation": "Teilnahme bis",
    "registration_closed": "Anmeldung geschlossen",
    "registration_expired": "Die Anmeldefrist ist am {date} abgelaufen.",
    "online": "Online",
    "registration": "Anmeldung",
    "accessibility": "Barrierefreiheit",
    # "Was gerade passiert" (placeholders/now.html): the opening block of every home page.
    "now_heading": "Was gerade passiert",
    "now_phase_current": "Aktuelle Phase",
    "now_phase_next": "Danach",
    "now_phase_upcoming": "Als Nächstes",
    "now_phase_from": "ab {date}",
    "now_all_phases": "Alle Phasen des Prozesses",
    "now_calls": "Hier können Sie als Nächstes mitreden",
    "now_all_calls": "Alle Beteiligungsangebote, auch vergangene",
    "now_contact": "Fragen? So erreichen Sie uns",
    "take_part_online": "Mitmachen",
    "take_part_online_link": "Online teilnehmen",
    "place_online": "Im Internet",
    # The generated calls overview: how to take part, before the cards.
    "calls_intro": (
        "Hier finden Sie alle Gelegenheiten, mitzureden. Zu Werkstätten, Versammlungen und "
        "Ortsbegehungen kommen Sie vor Ort dazu, an Umfragen und Online-Beteiligungen nehmen Sie im "
        "Internet teil. Ob Sie sich anmelden müssen und bis wann, steht bei jedem Angebot. Brauchen Sie "
        "Unterstützung, zum Beispiel einen stufenlosen Zugang oder eine Dolmetschung, dann sagen Sie es "
        "bitte der Kontaktperson, die beim Angebot genannt ist."
    ),
    # Corridor charts (render/charts.py): the text alternative and the visible legend.
    "chart_corridor": "Entwicklungskorridor {points}.",
    "chart_corridor_point": "{year} von {min} bis {max}",
    "chart_no_corridor": "Kein Entwicklungskorridor festgelegt.",
    "chart_newest": "Neuester Messwert {year}: {value} – {status}.",
    "chart_no_values": "Noch keine Messwerte.",
    "chart_direction": "Richtung: {direction}.",
    "chart_point": "{year}: {value}",
    "chart_legend_corridor": "Entwicklungskorridor",
    # Beside every chart: the corridor's last point in words, e.g. "Ziel 2030: 3–5 %".
    "chart_target": "Ziel {year}: {target}",
    "chart_target_range_words": "{min} bis {max}",
    "chart_legend_values": "Messwerte",
    # Earlier corridors (revisions): drawn dashed, described, and listed in their own tables.
    "chart_legend_revision": "Früherer Korridor",
    "chart_legend_revisions": "Frühere Korridore",
    "chart_revision": "Früherer Korridor, galt bis {until}: {points}.",
    "revision_caption": "Früherer Entwicklungskorridor: galt bis {until}",
    "revision_replaced_by": "ersetzt durch Beschluss {decision}",
    "revision_note": (
        "Der Korridor wurde geändert. Der Stand wird am jetzt geltenden Korridor gemessen; frühere Korridore "
        "stehen gestrichelt im Diagramm und in der Tabelle."
    ),
    # Widgets (einbetten/) and the page with their snippets.
    "widget_title_process": "{name} auf einen Blick",
    "widget_title_calls": "Nächste Beteiligungstermine: {name}",
    "widget_title_chart": "{indicator} – Ziel „{goal}“",
    "widget_title_project": "Stand des Schlüsselprojekts „{title}“",
    "widget_more_process": "Mehr über den Prozess",
    "widget_more_calls": "Alle Beteiligungsangebote",
    "widget_more_chart": "Mehr zu diesem Ziel",
    "widget_more_project": "Mehr zu diesem Projekt",
    "widget_status": "Stand",
    "widget_next_milestone": "Nächster Meilenstein",
    "widget_next_call": "Nächste Beteiligung",
    "widget_no_calls": "Zurzeit sind keine Beteiligungsangebote angekündigt.",
    "embed_intro": (
        "Gemeinden, Verbandsgemeinden und Partner können Teile dieser Website auf ihrer eigenen Website zeigen: Den"
        " Code zu einem Baustein kopieren und in die eigene Seite einfügen. Die Bausteine laden nichts von anderen"
        " Servern, setzen keine Cookies und führen mit einem Link zur vollständigen Seite."
    ),
    "embed_preview": "So sieht der Baustein aus:",
    "embed_teaser": "Diagramme, Termine und den Stand der Projekte auf der eigenen Website zeigen:",
    "embed_code": "Code zum Kopieren",
    "embed_open": "Baustein allein öffnen",
    "embed_kind_process": "Der Prozess auf einen Blick",
    "embed_kind_calls": "Die nächsten Beteiligungstermine",
    "embed_kind_chart": "Entwicklungskorridor eines Indikators",
    "embed_kind_project": "Stand eines Schlüsselprojekts",
    "embed_processes": "Jeder Prozess hat seine eigenen Bausteine:",
    "embed_no_site_url": (
        "Die Adresse der Website (site_url in mkdocs.yml) ist nicht eingetragen; im Code steht darum nur der Pfad."
        " Bitte die volle Adresse davor setzen."
    ),
    # The progress report for the council (bericht/), ordered as a council paper.
    "report_title": "Sachstandsbericht: {name}",
    "report_as_of": "Stand: {date}",
    "report_period": "Berichtszeitraum: {first} bis {last}.",
    "report_print_hint": (
        "Der Bericht ist zum Drucken auf A4 eingerichtet; über die Druckfunktion des Browsers lässt er sich auch"
        " als PDF speichern."
    ),
    "report_link": "Sachstandsbericht für den Rat (zum Drucken)",
    "report_pdf": "Sachstandsbericht als PDF herunterladen (barrierefrei, A4)",
    "report_processes": "Die Prozesse",
    "report_of_process": "Sachstandsbericht: {name}",
    "report_phase": "Phase",
    "report_current_phase": "Der Prozess ist in der Phase „{name}“, seit {start}.",
    "report_phase_until": "Sie ist bis {end} geplant.",
    "report_no_phase": "Zurzeit läuft keine der geplanten Phasen.",
    "report_no_phases": "Für den Prozess sind keine Phasen angegeben.",
    "report_goals": "Ziele und Indikatoren",
    "report_indicators": "Indikatoren",
    "report_no_indicators": "Für dieses Ziel ist noch kein Indikator angegeben.",
    "report_projects": "Schlüsselprojekte nach Stand",
    "report_project": "Schlüsselprojekt",
    "report_process": "Prozess",
    "report_milestones": "Erreichte Meilensteine im Berichtszeitraum",
    "report_no_milestones": "Im Berichtszeitraum wurde kein Meilenstein als erreicht eingetragen.",
    "report_calls": "Beteiligung im Berichtszeitraum",
    "report_no_calls": "Im Berichtszeitraum hat kein Beteiligungsangebot stattgefunden.",
    "report_no_decisions": "Es sind keine Beschlüsse eingetragen.",
}

# Maps: the consent to load background tiles from a third party, and the texts around a map.
MAP_LABELS: Final = {
    "consent_text": (
        "Die Karte zeigt Grenzen und Orte ohne Hintergrund. Eine Hintergrundkarte von {name} wird erst "
        "geladen, wenn Sie das möchten; dabei erhält {name} Ihre IP-Adresse."
    ),
    "consent_button": "Hintergrundkarte von {name} laden",
    "consent_remember": "Diese Wahl auf diesem Gerät merken",
    "interactive_label": "Interaktive Karte: {title}",
    "links_label": "Orte auf der Karte",
    "static_description_area": "Umriss von {title} mit {members}: {names}.",  # members: count_areas_dative
    "static_description_overview": "Alle Räume des Prozesses: {names}.",
    "static_description_location": "Lage von {title} im Gebiet {area}.",
    "map_of": "Karte: {title}",
    "areas_overview": "Karte aller Räume",
    "processes_overview": "Karte aller Prozesse",
}

EURO_SUFFIX: Final = "€"


# Counted nouns, (exactly one, any other number): German takes the plural for none, too. The
# dative forms serve phrases like "mit 2 Gebieten". Read through `plural` (or `t` with `count=`).
PLURALS: Final[dict[str, tuple[str, str]]] = {
    "count_areas": ("{count} Gebiet", "{count} Gebiete"),
    "count_areas_dative": ("{count} Gebiet", "{count} Gebieten"),
    "count_members": ("{count} Mitglied", "{count} Mitglieder"),
    "count_projects": ("{count} Schlüsselprojekt", "{count} Schlüsselprojekte"),
    "count_goals": ("{count} Ziel", "{count} Ziele"),
    # Projects counted by status ("2 in Umsetzung, 1 abgeschlossen"), for each of PROJECT_STATUS.
    "count_status_idea": ("{count} Idee", "{count} Ideen"),
    "count_status_planned": ("{count} geplant", "{count} geplant"),
    "count_status_in_progress": ("{count} in Umsetzung", "{count} in Umsetzung"),
    "count_status_done": ("{count} abgeschlossen", "{count} abgeschlossen"),
    "count_status_paused": ("{count} pausiert", "{count} pausiert"),
    "count_status_dropped": ("{count} eingestellt", "{count} eingestellt"),
    "count_calls": ("{count} Beteiligungsangebot", "{count} Beteiligungsangebote"),
    "sign_minutes": ("{count} Minute", "{count} Minuten"),
    "sign_seconds": ("{count} Sekunde", "{count} Sekunden"),
    "count_processes_in_area": ("{count} Prozess in {area}", "{count} Prozesse in {area}"),
}


def plural(count: int, key: str, /, **values: object) -> str:
    """`1 Gebiet`, `2 Gebiete`: the form of `PLURALS[key]` that fits `count`, the count German-style."""
    one, other = PLURALS[key]
    text = one if count == 1 else other
    return text.format(count=f"{count:,}".replace(",", "."), **values)


def t(key: str, /, **values: object) -> str:
    """Return the label `key`, with `{placeholders}` filled in; a counted noun by its `count`."""
    if key in PLURALS:
        count = values.pop("count", None)
        if not isinstance(count, int):
            raise TypeError(f"label {key!r} needs an integer count, not {count!r}")
        return plural(count, key, **values)
    text = LABELS[key]
    return text.format(**values) if values else text


# Files made for other programs (render/calendar.py, feeds.py, jsonld.py, opendata.py): calendar
# entries, feed entries and the column headers and descriptions of the open data downloads.
EXPORT_LABELS: Final = {
    "when_time": "{date}, {time} Uhr",
    "when_time_range": "{date}, {start}–{end} Uhr",
    "when_until": "{start} bis {end}",
    "calendar_name": "Beteiligung: {name}",
    "calendar_description": "Termine und Beteiligungsangebote: {name}",
    "feed_title": "Aktuelles: {name}",
    "feed_call_title": "{format}: {title}",
    "column_key": "Kennung",
    "column_key_about": "Eindeutige Kennung des Eintrags (Dateiname ohne .md), bleibt dauerhaft gleich.",
    "column_title": "Titel",
    "column_title_about": "Titel des Eintrags.",
    "column_summary": "Kurzbeschreibung",
    "column_summary_about": "Ein bis zwei Sätze zum Eintrag.",
    "column_updated": "Zuletzt aktualisiert",
    "column_updated_about": "Datum der letzten wesentlichen Änderung (JJJJ-MM-TT).",
    "column_url": "Internetseite",
    "column_url_about": "Adresse der Seite zu diesem Eintrag auf dieser Website.",
    "column_status": "Status",
    "column_status_about": "Stand des Projekts: Idee, Geplant, In Umsetzung, Abgeschlossen, Pausiert oder Eingestellt.",
    "column_goals": "Ziele",
    "column_goals_about": "Kennungen der Ziele, durch Komma getrennt.",
    "column_projects": "Schlüsselprojekte",
    "column_projects_about": "Kennungen der Schlüsselprojekte, durch Komma getrennt.",
    "column_areas": "Räume",
    "column_areas_about": "Kennungen der Räume, durch Komma getrennt.",
    "column_networks": "Netzwerke",
    "column_networks_about": "Kennungen der Netzwerke, durch Komma getrennt.",
    "column_lead": "Verantwortlich",
    "column_lead_about": "Wer das Projekt verantwortet.",
    "column_start": "Beginn",
    "column_start_about": "Beginn (JJJJ-MM-TT).",
    "column_end": "Ende",
    "column_end_about": "Geplantes oder tatsächliches Ende (JJJJ-MM-TT).",
    "column_progress": "Fortschritt in Prozent",
    "column_progress_about": "Wie weit das Projekt umgesetzt ist, von 0 bis 100.",
    "column_funding": "Förderung",
    "column_funding_about": "Förderprogramm oder Finanzierung.",
    "column_budget": "Budget in Euro",
    "column_budget_about": "Geplante Kosten in Euro.",
    "column_lat": "Breitengrad",
    "column_lat_about": "Geografische Breite des Ortes (WGS 84, Dezimalgrad).",
    "column_lon": "Längengrad",
    "column_lon_about": "Geografische Länge des Ortes (WGS 84, Dezimalgrad).",
    "column_address": "Adresse",
    "column_address_about": "Anschrift des Ortes.",
    "column_goal": "Ziel",
    "column_goal_about": "Kennung des Ziels.",
    "column_goal_title": "Titel des Ziels",
    "column_goal_title_about": "Titel des Ziels.",
    "column_field": "Handlungsfeld",
    "column_field_about": "Handlungsfeld, zu dem das Ziel gehört.",
    "column_indicator": "Indikator",
    "column_indicator_about": "Kennung des Indikators, eindeutig innerhalb seines Ziels.",
    "column_indicator_name": "Name des Indikators",
    "column_indicator_name_about": "Was der Indikator misst.",
    "column_unit": "Einheit",
    "column_unit_about": "Einheit der Werte.",
    "column_better": "Richtung",
    "column_better_about": "Ob niedrigere oder höhere Werte besser sind.",
    "column_source": "Quelle",
    "column_source_about": "Woher die Messwerte stammen.",
    "column_newest_year": "Jahr des neuesten Werts",
    "column_newest_year_about": "Das Jahr des neuesten Messwerts.",
    "column_newest_value": "Neuester Wert",
    "column_newest_value_about": "Der neueste Messwert.",
    "column_corridor_status": "Stand gegenüber dem Korridor",
    "column_corridor_status_about": (
        "Der neueste Wert im Vergleich mit dem Korridor seines Jahres: im Korridor, besser als der Korridor, "
        "außerhalb des Korridors oder keine Daten."
    ),
    "column_year": "Jahr",
    "column_year_about": "Das Jahr.",
    "column_value": "Messwert",
    "column_value_about": "Der gemessene Wert; leer, wenn in diesem Jahr nichts gemessen wurde.",
    "column_corridor_min": "Korridor von",
    "column_corridor_min_about": (
        "Untere Grenze des Korridors in diesem Jahr: zwischen festgelegten Jahren linear, so genau gerundet "
        "wie die Werte des Indikators; leer vor dem ersten und nach dem letzten festgelegten Jahr."
    ),
    "column_corridor_max": "Korridor bis",
    "column_corridor_max_about": (
        "Obere Grenze des Korridors in diesem Jahr: zwischen festgelegten Jahren linear, so genau gerundet "
        "wie die Werte des Indikators; leer vor dem ersten und nach dem letzten festgelegten Jahr."
    ),
    "column_format": "Format",
    "column_format_about": "Art der Beteiligung: Werkstatt, Versammlung, Ortsbegehung, Umfrage, Online-Beteiligung.",
    "column_call_start": "Beginn",
    "column_call_start_about": "Beginn: Datum (JJJJ-MM-TT) oder Datum und Uhrzeit (JJJJ-MM-TT HH:MM, Ortszeit).",
    "column_call_end": "Ende",
    "column_call_end_about": "Ende, wie Beginn; leer, wenn keins angegeben ist.",
    "column_deadline": "Anmeldung oder Teilnahme bis",
    "column_deadline_about": "Letzter Tag für die Anmeldung oder die Teilnahme (JJJJ-MM-TT).",
    "column_place": "Ort",
    "column_place_about": "Name des Veranstaltungsortes.",
    "column_online": "Online",
    "column_online_about": "Adresse der Online-Beteiligung oder Übertragung.",
    "column_registration_url": "Anmeldung im Internet",
    "column_registration_url_about": "Internetadresse für die Anmeldung.",
    "column_registration_email": "Anmeldung per E-Mail",
    "column_registration_email_about": "E-Mail-Adresse für die Anmeldung.",
    "column_registration_phone": "Anmeldung per Telefon",
    "column_registration_phone_about": "Telefonnummer für die Anmeldung.",
    "column_accessibility": "Barrierefreiheit",
    "column_accessibility_about": "Hinweise zur Barrierefreiheit.",
    "column_contact_name": "Kontakt",
    "column_contact_name_about": "Ansprechstelle für Fragen.",
    "column_contact_email": "Kontakt E-Mail",
    "column_contact_email_about": "E-Mail-Adresse der Ansprechstelle.",
    "column_contact_phone": "Kontakt Telefon",
    "column_contact_phone_about": "Telefonnummer der Ansprechstelle.",
    "column_goal_projects": "Schlüsselprojekte",
    "column_goal_projects_about": "Kennungen der Schlüsselprojekte, die diesem Ziel dienen, durch Komma getrennt.",
    # DCAT-AP.de catalogue (render/dcat.py): each dataset's title and description, {name} the site's
    # or, for a portal process's calendar, the process's name.
    "dcat_catalogue_description": "Die offenen Daten dieser Website zum Herunterladen.",
    "dcat_process": "Der ganze Prozess: {name}",
    "dcat_process_about": (
        "Alle Einträge zu „{name}“ in einer JSON-Datei: Ziele mit Indikatoren, Messwerten und "
        "Entwicklungskorridoren, Schlüsselprojekte, Beteiligungsangebote, Räume, Netzwerke, "
        "Neuigkeiten und Beschlüsse."
    ),
    "dcat_projects": "Schlüsselprojekte: {name}",
    "dcat_projects_about": "Die Schlüsselprojekte zu „{name}“ mit Stand, Zielen, Räumen und Kontakt, als CSV-Datei.",
    "dcat_goals": "Ziele und Indikatoren: {name}",
    "dcat_goals_about": (
        "Die Ziele zu „{name}“ mit ihren Indikatoren, dem neuesten Messwert und dem Stand gegenüber "
        "dem Entwicklungskorridor, als CSV-Datei."
    ),
    "dcat_indicator_values": "Messwerte der Indikatoren: {name}",
    "dcat_indicator_values_about": (
        "Jeder Messwert jedes Indikators zu „{name}“ mit dem jetzt geltenden Entwicklungskorridor, "
        "je Jahr eine Zeile, als CSV-Datei."
    ),
    "dcat_calls": "Beteiligungsangebote: {name}",
    "dcat_calls_about": "Die Beteiligungsangebote zu „{name}“ mit Zeit, Ort, Anmeldung und Kontakt, als CSV-Datei.",
    "dcat_areas": "Räume mit Gebietsgrenzen: {name}",
    "dcat_areas_about": "Die Räume zu „{name}“ mit ihren Gebietsgrenzen, als GeoJSON-Datei (WGS 84).",
    "dcat_calendar": "Kalender der Beteiligung: {name}",
    "dcat_calendar_about": "Die Termine der Beteiligungsangebote zu „{name}“ als Kalender zum Abonnieren (iCalendar).",
    "dcat_feed": "Neuigkeiten: {name}",
    "dcat_feed_about": "Neuigkeiten, Projektmeldungen und Beteiligungsangebote zu „{name}“ als Feed (Atom).",
    "dcat_link_title": "Katalog der offenen Daten (DCAT-AP.de)",
}


# The web editor at admin/ (ikep_site/editor/): what editors read in its forms.
# A key without a label here is still in the form, under its own name (tests/test_editor_config.py
# names every key that lacks one).
EDITOR_FIELD: Final = {
    "title": "Titel",
    "summary": "Kurzbeschreibung",
    "updated": "Zuletzt geändert",
    "image": "Bild",
    "image_alt": "Bildbeschreibung",
    "field": "Handlungsfeld",
    "indicators": "Indikatoren",
    "id": "Kennung",
    "name": "Name",
    "unit": "Einheit",
    "better": "Richtung",
    "source": "Quelle",
    "corridor": "Entwicklungskorridor",
    "year": "Jahr",
    "min": "Untere Grenze",
    "max": "Obere Grenze",
    "values": "Messwerte",
    "value": "Wert",
    "status": "Status",
    "goals": "Ziele",
    "areas": "Räume",
    "networks": "Netzwerke",
    "projects": "Schlüsselprojekte",
    "lead": "Verantwortlich",
    "start": "Beginn",
    "end": "Ende",
    "progress": "Fortschritt (Prozent)",
    "funding": "Förderung",
    "budget": "Budget (Euro)",
    "location": "Ort des Projekts",
    "lat": "Geografische Breite",
    "lon": "Geografische Länge",
    "address": "Anschrift",
    "milestones": "Meilensteine",
    "date": "Datum",
    "done": "Erreicht",
    "updates": "Neuigkeiten zum Projekt",
    "text": "Text",
    "format": "Art der Beteiligung",
    "deadline": "Anmelde- oder Teilnahmeschluss",
    "place": "Ort",
    "online": "Link zur Teilnahme im Internet",
    "registration": "Anmeldung",
    "url": "Internetadresse",
    "email": "E-Mail-Adresse",
    "phone": "Telefonnummer",
    "accessibility": "Barrierefreiheit",
    "contact": "Ansprechstelle",
    "kind": "Art",
    "geometry": "Grenzdatei (GeoJSON)",
    "key": "Kennzeichnende Eigenschaft",
    "members": "Mitglieder",
    "attribution": "Quellenvermerk",
    "attribution_url": "Link zur Quelle",
    "purpose": "Wozu das Netzwerk da ist",
    "role": "Rolle",
    "body": "Text der Seite",
    "decisions": "Beschlüsse",
    "number": "Nummer der Vorlage",
    "revisions": "Frühere Korridore",
    "until": "Galt bis (letzter Tag)",
    "decision": "Ersetzt durch Beschluss (Nummer)",
    # Indicator values from a file: the web editor's field for the path (editor/fields.py)
    "values_file": "Messwerte aus einer Datei",
}
EDITOR_ITEM: Final = {  # one item of a list, for "Meilenstein hinzufügen"
    "indicators": "Indikator",
    "corridor": "Jahr des Korridors",
    "values": "Messwert",
    "milestones": "Meilenstein",
    "updates": "Neuigkeit",
    "members": "Mitglied",
    "decisions": "Beschluss",
    "revisions": "Früherer Korridor",
}
EDITOR_KIND: Final = {  # collection label, one entry
    "goals": ("Ziele", "Ziel"),
    "projects": ("Schlüsselprojekte", "Schlüsselprojekt"),
    "calls": ("Beteiligung", "Beteiligungsangebot"),
    "areas": ("Räume", "Raum"),
    "networks": ("Netzwerke", "Netzwerk"),
    "updates": ("Aktuelles", "Neuigkeit"),
}
EDITOR_TEXT: Final = {
    # Indicator values from a file (editor/fields.py)
    "values_file_hint": (
        "Statt der Liste: der Pfad einer Datei .csv oder .xlsx im Ordner content/ mit den Spalten Jahr und Wert, "
        "z. B. daten/leerstand.csv. Die Werte ändern Sie in der Datei; die Liste bleibt dann leer."
    ),
    "page_title": "Web-Editor – {site}",
    "collection_in_process": "{kind} – {process}",
    "noscript": "Der Web-Editor braucht JavaScript. Bitte schalten Sie es für diese Seite ein.",
    "body_hint": (
        "Markdown wie in der Anleitung „Für Redaktionen“; Platzhalter wie <!-- ikep:projects --> bleiben stehen."
    ),
    "no_repository_title": "Web-Editor noch nicht eingerichtet",
    "no_repository": (
        "Der Web-Editor speichert Änderungen direkt im GitHub-Repository der Website. Dafür muss in "
        "mkdocs.yml stehen, wo dieses liegt: repo_url: https://github.com/<Organisation>/<Repository> "
        "(und edit_uri: edit/main/content/). Die Anleitung „Für Redaktionen“ beschreibt die Einrichtung "
        "auf der Seite „Im Browser bearbeiten: der Web-Editor“."
    ),
    "slug_pattern": "Nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. leerstand",
    "url_pattern": "Eine Internetadresse, die mit https:// beginnt",
    "email_pattern": "Eine E-Mail-Adresse, z. B. name@example.org",
}
