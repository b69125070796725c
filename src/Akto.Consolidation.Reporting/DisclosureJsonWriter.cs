using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Reporting;

/// <summary>
/// The disclosure JSON contract: <c>{"year","scope":{kind,code,name},"currencyUnit":"万元","tables":[{id,title,columns,rows:[{code,name,cells}]}]}</c>;
/// numbers are 万元 with 2 decimals, blanks are null.
/// </summary>
public static class DisclosureJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Write(DisclosureSet set, Stream output)
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
        writer.WriteStartArray("tables");
        foreach (var table in set.Tables)
        {
            WriteTable(writer, table);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string ToJson(DisclosureSet set)
    {
        using var stream = new MemoryStream();
        Write(set, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTable(Utf8JsonWriter writer, DisclosureTable table)
    {
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
        }

        writer.WriteEndArray();
        if (table.Note is not null)
        {
            writer.WriteString("note", table.Note);
        }

        writer.WriteEndObject();
    }
}
