using System.Text;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Reporting;

/// <summary>
/// CSV (RFC 4180, one table per file or one after another) and Markdown renderings of disclosure tables, with the printed
/// figures of <see cref="PrintedFigures"/> (尾差 allocated so that every printed relation holds).
/// </summary>
public static class DisclosureTextWriter
{
    /// <summary>
    /// One table as CSV: 编码, 名称, 项目, then the table's columns. A <paramref name="draft"/> opens the file with "# 草稿…"
    /// and one "# 错误：…" line per error.
    /// </summary>
    public static string ToCsv(DisclosureTable table, DraftNotice? draft = null)
    {
        var builder = new StringBuilder();
        AppendDraft(builder, draft, "# ");
        table = PrintedFigures.Of(table);
        AppendCsvLine(builder, ["编码", "名称", "项目", .. table.Columns]);
        foreach (var row in table.Rows)
        {
            AppendCsvLine(builder, [row.Code ?? "", row.Name, row.Project ?? "", .. table.Columns.Select(c => PublishedAmount.Format(row.Cells.GetValueOrDefault(c), grouped: false))]);
        }

        return builder.ToString();
    }

    /// <summary>All tables as CSV sections, each introduced by a "# 表N title" line (with "（草稿）" in a draft).</summary>
    public static string ToCsv(DisclosureSet set, DraftNotice? draft = null)
    {
        var builder = new StringBuilder();
        AppendDraft(builder, draft, "# ");
        foreach (var table in set.Tables)
        {
            builder.Append("# 表").Append(table.Id).Append(' ').Append(table.Title).Append(draft is null ? "" : $"（{DraftNotice.Stamp}）").Append('\n');
            builder.Append(ToCsv(table));
            if (table.Note is not null)
            {
                builder.Append("# ").Append(table.Note).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>All tables; a <paramref name="draft"/> is stated under the title with its errors, and on every table.</summary>
    public static string ToMarkdown(DisclosureSet set, DraftNotice? draft = null)
    {
        var builder = new StringBuilder();
        builder.Append("# ").Append(set.Scope.Name).Append(' ').Append(set.Year).Append(" 年预算公开表\n\n");
        if (draft is not null)
        {
            AppendDraft(builder, draft, "> ");
            builder.Append('\n');
        }

        foreach (var table in set.Tables)
        {
            builder.Append(ToMarkdown(table, draft, set.CurrencyUnit)).Append('\n');
        }

        return builder.ToString();
    }

    public static string ToMarkdown(DisclosureTable table, DraftNotice? draft = null, string currencyUnit = CurrencyUnit.TenThousandYuan)
    {
        table = PrintedFigures.Of(table);
        var builder = new StringBuilder();
        builder.Append("## 表").Append(table.Id).Append(' ').Append(table.Title).Append(draft is null ? "" : $"（{DraftNotice.Stamp}）").Append("\n\n");
        if (draft is not null)
        {
            builder.Append("> **").Append(Escape(draft.Banner)).Append("**\n\n");
        }

        builder.Append("单位：").Append(currencyUnit).Append("\n\n");
        var hasProjects = table.Rows.Any(r => r.Project is not null);
        string[] head = ["编码", "名称", .. hasProjects ? ["项目"] : Array.Empty<string>(), .. table.Columns];
        builder.Append("| ").AppendJoin(" | ", head.Select(Escape)).Append(" |\n");
        builder.Append('|').AppendJoin("|", head.Select((_, i) => i < (hasProjects ? 3 : 2) ? " --- " : " ---: ")).Append("|\n");
        foreach (var row in table.Rows)
        {
            string[] cells =
            [
                row.Code ?? "",
                row.Name,
                .. hasProjects ? [row.Project ?? ""] : Array.Empty<string>(),
                .. table.Columns.Select(c => PublishedAmount.Format(row.Cells.GetValueOrDefault(c), grouped: true)),
            ];
            builder.Append("| ").AppendJoin(" | ", cells.Select(Escape)).Append(" |\n");
        }

        if (table.Note is not null)
        {
            builder.Append('\n').Append(table.Note).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The draft's banner and one line per error, each after <paramref name="prefix"/> ("# " in CSV, "> " in Markdown).</summary>
    private static void AppendDraft(StringBuilder builder, DraftNotice? draft, string prefix)
    {
        if (draft is null)
        {
            return;
        }

        builder.Append(prefix).Append(draft.Banner).Append('\n');
        foreach (var error in draft.Errors)
        {
            builder.Append(prefix).Append("错误：").Append(error.ReplaceLineEndings(" ")).Append('\n');
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void AppendCsvLine(StringBuilder builder, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(field);
            }
        }

        builder.Append('\n');
    }
}
