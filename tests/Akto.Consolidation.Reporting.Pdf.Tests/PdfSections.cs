using System.Text;

namespace Akto.Consolidation.Reporting.Pdf.Tests;

/// <summary>
/// Cuts the text of a printed PDF at headings found in document order: each heading is looked for (white space ignored,
/// so a wrapped title still matches) after the previous one, and a section runs to the line of the next.
/// </summary>
internal static class PdfSections
{
    /// <summary>The lines of each section; <paramref name="headings"/> must appear in this order, the last one ends the last section.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cut(IReadOnlyList<string> lines, IReadOnlyList<string> headings)
    {
        var squeezed = new StringBuilder();
        var lineOf = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var c in lines[i].Where(c => !char.IsWhiteSpace(c)))
            {
                squeezed.Append(c);
                lineOf.Add(i);
            }
        }

        var text = squeezed.ToString();
        var starts = new List<int>();
        var from = 0;
        foreach (var heading in headings)
        {
            var at = text.IndexOf(SeedSections.Squeeze(heading), from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"PDF text has no '{heading}' after position {from}");
            starts.Add(lineOf[at]);
            from = at + 1;
        }

        return [.. starts.SkipLast(1).Select((s, i) => (IReadOnlyList<string>)[.. lines.Skip(s).Take(starts[i + 1] - s)])];
    }

    /// <summary>True when <paramref name="expected"/> occurs in <paramref name="actual"/> in order (other figures may come between).</summary>
    public static bool IsSubsequence(IReadOnlyList<decimal> expected, IReadOnlyList<decimal> actual)
    {
        var next = 0;
        foreach (var value in actual)
        {
            if (next < expected.Count && expected[next] == value)
            {
                next++;
            }
        }

        return next == expected.Count;
    }
}
