using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Reporting;

/// <summary>
/// The disclosure JSON contract: <c>{"year","scope":{kind,code,name},"currencyUnit":"万元","tables":[{id,title,columns,rows:[{code,name,cells}]}]}</c>;
/// numbers are the printed 万元 figures with 2 decimals (<see cref="PrintedFigures"/>: 尾差 allocated, so a consumer's sums
/// agree with the published tables; the exact amounts are the budget document's), blanks are null. A draft (<see cref="DraftNotice"/>) adds
/// <c>"draft":{"stamp":"草稿","errors":[…]}</c>; a published document has no <c>draft</c> property.
/// </summary>
public static class DisclosureJsonWriter
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Write(DisclosureSet set, Stream output, DraftNotice? draft = null)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteNumber("year", set.Year);
        writer.WriteStartObject("scope");
        writer.WriteString("kind", set.Scope.Kind.ToString().ToLowerInvariant());
        writer.WriteString("code", set.Scope.Code);
        writer.WriteString("name", set.Scope.Name);
        writer.WriteEndObject();
        writer.WriteString("currencyUnit", set.CurrencyUnit);
        if (draft is not null)
        {
            writer.WriteStartObject("draft");
            writer.WriteString("stamp", DraftNotice.Stamp);
            writer.WriteStartArray("errors");
            foreach (var error in draft.Errors)
            {
                writer.WriteStringValue(error);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("tables");
        foreach (var table in set.Tables)
        {
            WriteTable(writer, table);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string ToJson(DisclosureSet set, DraftNotice? draft = null)
    {
        using var stream = new MemoryStream();
        Write(set, stream, draft);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTable(Utf8JsonWriter writer, DisclosureTable table)
    {
        table = PrintedFigures.Of(table);
        writer.WriteStartObject();
        writer.WriteNumber("id", table.Id);
        writer.WriteString("title", table.Title);
        writer.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            writer.WriteStringValue(column);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("code", row.Code);
            writer.WriteString("name", row.Name);
            if (row.Level is not null)
            {
                writer.WriteString("level", row.Level);
            }

            if (row.Project is not null)
            {
                writer.WriteString("project", row.Project);
            }

            if (row.UnitCode is not null)
            {
                writer.WriteString("unitCode", row.UnitCode);
            }

            writer.WriteStartObject("cells");
            foreach (var column in table.Columns)
            {
                if (row.Cells.GetValueOrDefault(column) is { } value)
                {
                    writer.WriteNumber(column, PublishedAmount.Round(value));
                }
                else
                {
                    writer.WriteNull(column);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();

            // A county's Table 7 lists every project: hand what is written to the stream as it goes, not at the end.
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        if (table.Note is not null)
        {
            writer.WriteString("note", table.Note);
        }

        writer.WriteEndObject();
    }
}
