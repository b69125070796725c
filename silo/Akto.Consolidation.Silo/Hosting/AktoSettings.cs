using System.Net;
using System.Net.Sockets;

namespace Akto.Consolidation.Silo.Hosting;

/// <summary>Where grain state, keys and jobs live.</summary>
public enum StorageMode
{
    /// <summary>One silo, SQLite files under <see cref="AktoSettings.DataDirectory"/>, localhost clustering.</summary>
    Embedded,

    /// <summary>PostgreSQL for grain state, clustering, reminders and Hangfire; any number of silos.</summary>
    Postgres,
}

/// <summary>
/// The silo's settings, read once from configuration (section <c>Akto</c>, <c>ConnectionStrings:Postgres</c>
/// and <c>AKTO_BOOTSTRAP_ADMIN_KEY</c>). Environment variables use <c>__</c> for <c>:</c>, e.g.
/// <c>Akto__DataDirectory</c>, <c>Akto__Jobs__ReconcileCron</c>.
/// </summary>
public sealed record AktoSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The grain storage provider name every grain's <c>[PersistentState]</c> uses.</summary>
    public const string GrainStorageName = "budget";

    public StorageMode Mode => string.IsNullOrWhiteSpace(PostgresConnectionString) ? StorageMode.Embedded : StorageMode.Postgres;

    public string? PostgresConnectionString { get; init; }

    /// <summary>Absolute folder of the embedded mode's SQLite files.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Permanent identity of the service's grain state: changing it orphans every stored row.</summary>
    public string ServiceId { get; init; } = "akto-consolidation";

    public string ClusterId { get; init; } = "akto";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>IP address or host name other silos reach this one at (PostgreSQL mode).</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    /// <summary>Hangfire cron of the consolidation reconciliation; hourly by default.</summary>
    public string ReconcileCron { get; init; } = "0 * * * *";

    /// <summary>How often Hangfire polls its queues and schedules.</summary>
    public TimeSpan JobPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Start the Hangfire server in this process (dashboards and scheduling work without it).</summary>
    public bool RunJobServer { get; init; } = true;

    /// <summary>Let anyone reach /hangfire and /dashboard; otherwise local requests or finance-bureau keys only.</summary>
    public bool DashboardsAllowAnonymous { get; init; }

    /// <summary>Budget years the reconciliation job checks (<c>Akto:Jobs:ReconcileYears</c>, e.g. "2024,2025"); default 2024 to next year.</summary>
    public IReadOnlyList<int> ReconcileYears { get; init; } = [.. Enumerable.Range(2024, Math.Max(1, DateTime.UtcNow.Year - 2024 + 2))];

    /// <summary>Load the seed unit(s) shipped under <c>seeds/</c> on the first start in embedded mode (<c>Akto:LoadSeed</c>).</summary>
    public bool LoadSeed { get; init; } = true;

    /// <summary>
    /// Override directory of 科目目录 (<c>Akto:CatalogDirectory</c>): its <c>{function|economic}-{year}.csv</c> files
    /// replace the shipped ones per year and tree; null: the shipped catalogs only.
    /// </summary>
    public string? CatalogDirectory { get; init; }

    /// <summary>A finance-bureau key registered at start-up (<c>AKTO_BOOTSTRAP_ADMIN_KEY</c>).</summary>
    public string? BootstrapAdminKey { get; init; }

    /// <summary>
    /// The Hangfire queue of this deployment's jobs (its service id, lower-cased, as Hangfire's queue names allow): silos
    /// of another service sharing the same Hangfire storage never run them, since each job reads this service's rows.
    /// </summary>
    public string JobQueue => new([.. ServiceId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);

    /// <summary>
    /// The PostgreSQL schema of this deployment's Hangfire storage: <c>hangfire_</c> and the service id (lower-cased, letters,
    /// digits and underscores, at most 63 characters). Hangfire keys recurring jobs by name only, so deployments sharing
    /// one schema would overwrite each other's <c>nightly-disclosure</c> and run each other's triggers.
    /// </summary>
    public string HangfireSchema
    {
        get
        {
            var name = "hangfire_" + new string([.. ServiceId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
            return name.Length <= 63 ? name : name[..63];
        }
    }

    public string SqlitePath => Path.Combine(DataDirectory, "akto.db");

    public string HangfireSqlitePath => Path.Combine(DataDirectory, "hangfire.db");

    /// <summary>
    /// Connections the silo opens to PostgreSQL at most (one Npgsql pool: grain storage, clustering, reminders, Hangfire
    /// and the silo's own tables share the connection string), unless the connection string says otherwise. Npgsql's
    /// default of 100 equals PostgreSQL's default <c>max_connections</c>: a burst of activations then took every
    /// connection and the next ones failed ("53300: sorry, too many clients already") as 500s. With a bound, a burst
    /// waits for a free connection instead. Size PostgreSQL for silos × this + what else connects.
    /// </summary>
    public const int DefaultMaxPoolSize = 50;

    public static AktoSettings From(IConfiguration configuration)
    {
        var akto = configuration.GetSection("Akto");
        var defaults = new AktoSettings { DataDirectory = "" };
        var dataDirectory = akto["DataDirectory"];
        return new AktoSettings
        {
            PostgresConnectionString = WithPoolLimit(configuration.GetConnectionString("Postgres"), akto.GetValue("Postgres:MaxPoolSize", DefaultMaxPoolSize)),
            DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory),
            ServiceId = akto["ServiceId"] ?? defaults.ServiceId,
            ClusterId = akto["ClusterId"] ?? defaults.ClusterId,
            SiloPort = akto.GetValue("Orleans:SiloPort", defaults.SiloPort),
            GatewayPort = akto.GetValue("Orleans:GatewayPort", defaults.GatewayPort),
            AdvertisedAddress = akto["Orleans:AdvertisedAddress"] ?? defaults.AdvertisedAddress,
            ReconcileCron = akto["Jobs:ReconcileCron"] ?? defaults.ReconcileCron,
            JobPollInterval = akto.GetValue("Jobs:PollInterval", defaults.JobPollInterval),
            RunJobServer = akto.GetValue("Jobs:RunServer", defaults.RunJobServer),
            ReconcileYears = akto["Jobs:ReconcileYears"] is { Length: > 0 } years
                ? [.. years.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture))]
                : defaults.ReconcileYears,
            LoadSeed = akto.GetValue("LoadSeed", defaults.LoadSeed),
            DashboardsAllowAnonymous = akto.GetValue("Dashboards:AllowAnonymous", false),
            BootstrapAdminKey = configuration["AKTO_BOOTSTRAP_ADMIN_KEY"],
            CatalogDirectory = akto["CatalogDirectory"] is { Length: > 0 } catalogs ? Path.GetFullPath(catalogs) : null,
        };
    }

    /// <summary>The address advertised in the membership table: an IP as given, or a host name resolved now.</summary>
    public IPAddress ResolveAdvertisedAddress()
    {
        if (IPAddress.TryParse(AdvertisedAddress, out var ip))
        {
            return ip;
        }

        var addresses = Dns.GetHostAddresses(AdvertisedAddress);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Akto:Orleans:AdvertisedAddress '{AdvertisedAddress}' does not resolve.");
    }

    /// <summary>The connection string with <c>Maximum Pool Size</c> set to <paramref name="limit"/> unless it sets one itself.</summary>
    internal static string? WithPoolLimit(string? connectionString, int limit)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Maximum Pool Size") || given.ContainsKey("Max Pool Size") || given.ContainsKey("MaxPoolSize"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = limit }.ConnectionString;
    }
}
