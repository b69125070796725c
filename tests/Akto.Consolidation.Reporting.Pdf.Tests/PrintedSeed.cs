using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Reporting.Pdf.Tests;

/// <summary>One chromium for the test class; the seed unit's document printed once and read back as text per page.</summary>
public sealed class PrintedSeed : IAsyncLifetime
{
    public ChromiumPdfPrinter Printer { get; } = new();

    public DisclosureDocument Document { get; } = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());

    public byte[] Pdf { get; private set; } = [];

    public IReadOnlyList<string> Pages { get; private set; } = [];

    /// <summary>The lines of every page, in order, page breaks dropped.</summary>
    public IReadOnlyList<string> Lines { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Pdf = await Printer.PrintAsync(Document, TestContext.Current.CancellationToken);
        Pages = PopplerTools.Pages(Pdf);
        Lines = [.. Pages.SelectMany(p => p.Split('\n'))];
    }

    public ValueTask DisposeAsync() => Printer.DisposeAsync();
}
