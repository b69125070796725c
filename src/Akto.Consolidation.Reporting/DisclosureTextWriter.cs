using System.Text;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Reporting;

/// <summary>CSV (RFC 4180, one table per file or one after another) and Markdown renderings of disclosure tables.</summary>
public static class DisclosureTextWriter
{
    /// <summary>One table as CSV: 编码, 名称, 项目, then the table's columns.</summary>
    public static string ToCsv(DisclosureTable table)
    {
        var builder = new StringBuilder();
        AppendCsvLine(builder, ["编码", "名称", "项目", .. table.Columns]);
        foreach (var row in table.Rows)
        {
            AppendCsvLine(builder, [row.Code ?? "", row.Name, row.Project ?? "", .. table.Columns.Select(c => PublishedAmount.Format(row.Cells.GetValueOrDefault(c), grouped: false))]);
        }

        return builder.ToString();
    }

    /// <summary>All tables as CSV sections, each introduced by a "# 表N title" line.</summary>
    public static string ToCsv(DisclosureSet set)
    {
        var builder = new StringBuilder();
        foreach (var table in set.Tables)
        {
            builder.Append("# 表").Append(table.Id).Append(' ').Append(table.Title).Append('\n');
            builder.Append(ToCsv(table));
            if (table.Note is not null)
            {
                builder.Append("# ").Append(table.Note).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    public static string ToMarkdown(DisclosureSet set)
    {
        var builder = new StringBuilder();
        builder.Append("# ").Append(set.Scope.Name).Append(' ').Append(set.Year).Append(" 年预算公开表\n\n");
        foreach (var table in set.Tables)
        {
            builder.Append(ToMarkdown(table)).Append('\n');
        }

        return builder.ToString();
    }

    public static string ToMarkdown(DisclosureTable table)
    {
        var builder = new StringBuilder();
        builder.Append("## 表").Append(table.Id).Append(' ').Append(table.Title).Append("\n\n单位：万元\n\n");
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
