using System.Net;
using Akto.Consolidation.Reporting.Document;
using Microsoft.Playwright;

namespace Akto.Consolidation.Reporting.Pdf;

/// <summary>
/// 打印 PDF: the disclosure document's printable HTML (<see cref="HtmlDisclosureWriter"/>) printed by headless chromium —
/// A4 (landscape pages for wide tables, from the HTML's <c>@page</c> rules), table headers repeated on every page, the
/// page number in every footer and, for a 草稿, the stamp in every header. Fonts come from the system (fonts-noto-cjk)
/// and are embedded by chromium. One browser is started on first use and shared by every print of this instance; each
/// print gets its own page, so prints may run concurrently. Dispose to close the browser.
/// </summary>
public sealed class ChromiumPdfPrinter(ChromiumOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public ChromiumPdfPrinter()
        : this(ChromiumOptions.FromEnvironment())
    {
    }

    public ChromiumOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The document as PDF bytes.</summary>
    /// <exception cref="PdfPrinterUnavailableException">chromium is missing or does not start.</exception>
    public Task<byte[]> PrintAsync(DisclosureDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PrintHtmlAsync(HtmlDisclosureWriter.ToHtml(document), document.Draft is not null, cancellationToken);
    }

    /// <summary>Any self-contained HTML page as PDF; <paramref name="draft"/> puts 草稿 in every page header.</summary>
    public async Task<byte[]> PrintHtmlAsync(string html, bool draft = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var browser = await BrowserAsync(cancellationToken);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
        try
        {
            var page = await context.NewPageAsync();
            cancellationToken.ThrowIfCancellationRequested();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PreferCSSPageSize = true,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = HeaderTemplate(draft),
                FooterTemplate = FooterTemplate,
            });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _start.Dispose();
    }

    /// <summary>"第 3 页 / 共 40 页": chromium fills the pageNumber and totalPages spans.</summary>
    private const string FooterTemplate =
        "<div style=\"width:100%;font-size:8pt;text-align:center;font-family:'Noto Sans CJK SC',sans-serif;\">第 <span class=\"pageNumber\"></span> 页 / 共 <span class=\"totalPages\"></span> 页</div>";

    private static string HeaderTemplate(bool draft) => draft
        ? $"<div style=\"width:100%;font-size:12pt;text-align:right;padding-right:12mm;color:#c00;font-weight:bold;font-family:'Noto Sans CJK SC',sans-serif;\">{WebUtility.HtmlEncode(DraftNotice.Stamp)}</div>"
        : "<span></span>";

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _start.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            var path = Options.ExecutablePath;
            if (!File.Exists(path))
            {
                throw PdfPrinterUnavailableException.Missing(path);
            }

            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    // Containers and CI run as root without user namespaces, where chromium's sandbox cannot start.
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                });
                return _browser;
            }
            catch (PlaywrightException e)
            {
                throw PdfPrinterUnavailableException.CannotStart(path, e);
            }
        }
        finally
        {
            _start.Release();
        }
    }
}
