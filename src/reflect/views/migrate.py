"""What ``reflect migrate`` reports: one plain line per change, file or problem."""

from __future__ import annotations

from reflect.models.entry import MigrationReport


def migration_lines(report: MigrationReport, dry_run: bool) -> list[str]:
    lines: list[str] = []
    verb = "would upgrade" if dry_run else "upgraded"
    for item in report.migrated:
        if item.from_version == report.current:
            lines.append(f"{item.path}: {'would tidy' if dry_run else 'tidied'} (schema {report.current} already)")
        else:
            lines.append(f"{item.path}: {verb} from schema {item.from_version} to {report.current}")
        lines += [f"  {change}" for change in item.changes]
        if item.backup is not None:
            lines.append(f"  backup: {item.backup}")
    lines += [f"{problem}" for problem in report.newer]
    lines += [f"{problem} (not migrated)" for problem in report.problems]
    if not report.migrated and not report.newer and not report.problems:
        lines.append(f"Nothing to migrate: every file is at schema {report.current}.")
    elif not dry_run and report.migrated:
        count = len(report.migrated)
        lines.append(f"{count} file{'s' if count != 1 else ''} upgraded to schema {report.current}.")
    return lines
