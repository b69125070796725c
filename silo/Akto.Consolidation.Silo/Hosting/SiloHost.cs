using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Grains;
using Akto.Consolidation.Hangfire.Sqlite;
using Akto.Consolidation.Silo.Api;
using Akto.Consolidation.Silo.Health;
using Akto.Consolidation.Silo.Jobs;
using Akto.Consolidation.Silo.Security;
using Akto.Consolidation.Silo.Storage;
using Akto.Consolidation.Silo.Web;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using Scalar.AspNetCore;

namespace Akto.Consolidation.Silo.Hosting;

/// <summary>
/// Builds the one process of a deployment: the Orleans silo, the HTTP API, the Hangfire server and both
/// dashboards. PostgreSQL when <c>ConnectionStrings:Postgres</c> is set; otherwise embedded SQLite under
/// <c>Akto:DataDirectory</c>.
/// </summary>
public static class SiloHost
{
    /// <summary>Builds the host. <paramref name="configureServices"/> lets tests and later wiring add or replace services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configureServices = null)
    {
        // Content root = the binaries' folder, so appsettings.json is found whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // The silo, not whatever process hosts it (the tests): static web assets are found by this name.
            ApplicationName = typeof(SiloHost).Assembly.GetName().Name,
        });
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(AktoSettings.DefaultUrl);
        }

        // MudBlazor's and Blazor's files from the packages when run from the build output (dotnet run, tests), in
        // every environment; a published silo has them under wwwroot and this finds no manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

        var settings = AktoSettings.From(builder.Configuration);
        var database = AktoDatabase.Create(settings);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(_ => database);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton(HostCatalogs.Open(settings.CatalogDirectory));
        // One headless chromium per silo, started on the first PDF and closed with the host (Akto:ChromiumPath, else AKTO_CHROMIUM, else /usr/bin/chromium).
        services.AddSingleton(_ => new Akto.Consolidation.Reporting.Pdf.ChromiumPdfPrinter(
            builder.Configuration["Akto:ChromiumPath"] is { Length: > 0 } chromium ? new Akto.Consolidation.Reporting.Pdf.ChromiumOptions(chromium) : Akto.Consolidation.Reporting.Pdf.ChromiumOptions.FromEnvironment()));
        services.AddConsolidationGrains();
        services.Configure<ConsolidationOptions>(builder.Configuration.GetSection(ConsolidationOptions.Section));

        // Order matters: hosted services start in registration order, so the schema exists before the
        // bootstrap key is written and before Orleans' providers read their queries.
        services.AddHostedService<SchemaMigrationService>();
        services.AddHostedService<BootstrapAdminKeyService>();

        AddOrleans(builder, settings, database);

        // After the silo (registered by UseOrleans above), so grains answer when the seed is submitted.
        services.AddHostedService<SeedLoader>();
        AddJobs(services, builder.Configuration, settings);
        AddHttp(services);
        services.AddSingleton<ApiKeyStore>();
        services.AddAktoWeb(builder.Configuration);

        configureServices?.Invoke(builder);

        var app = builder.Build();
        MapPipeline(app);
        return app;
    }

    private static void AddOrleans(WebApplicationBuilder builder, AktoSettings settings, AktoDatabase database)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = settings.ServiceId;
                cluster.ClusterId = settings.ClusterId;
            });

            if (settings.Mode == StorageMode.Postgres)
            {
                silo.ConfigureEndpoints(settings.ResolveAdvertisedAddress(), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = AktoDatabase.PostgresInvariant;
                    options.ConnectionString = settings.PostgresConnectionString;
                });
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = AktoDatabase.PostgresInvariant;
                    options.ConnectionString = settings.PostgresConnectionString;
                });
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
                silo.UseInMemoryReminderService();
            }

            silo.AddAdoNetGrainStorage(AktoSettings.GrainStorageName, options => options.Configure<IServiceProvider>((storage, services) =>
            {
                storage.Invariant = database.Invariant;
                if (database.Dialect == SqlDialect.PostgreSql)
                {
                    storage.ConnectionString = settings.PostgresConnectionString;
                }
                else
                {
                    storage.DataSource = database.DataSource;
                }

                // The Orleans serializer follows [GenerateSerializer]/[Alias]/[Id]: state types can be renamed
                // or moved without orphaning stored rows, unlike the default Newtonsoft $type payload.
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
            }));

            silo.AddDashboard();
        });
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, AktoSettings settings)
    {
        services.AddSingleton<JobRunLog>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddSingleton<IConsolidationReconciler, GrainConsolidationReconciler>();
        services.AddScheduledJob<ReconcileConsolidationJob>(ReconcileConsolidationJob.JobId, settings.ReconcileCron);

        var snapshots = SnapshotSettings.From(configuration, settings);
        services.AddSingleton(snapshots);
        services.AddSingleton<ISnapshotStore, SnapshotStore>();
        services.AddSingleton<ISnapshotScheduler, HangfireSnapshotScheduler>();
        services.AddSingleton(new SnapshotFaultInjection(snapshots.FailAfterFiles));
        services.AddSingleton(new SnapshotRunOptions(snapshots.BatchFiles, snapshots.Formats));
        services.AddSingleton<ISnapshotPdfPrinter, ChromiumSnapshotPrinter>();
        services.AddSingleton<SnapshotCutReader>();
        services.AddSingleton<SnapshotRunner>();
        services.AddSingleton<SnapshotJob>();
        services.AddScheduledJob<NightlyDisclosureJob>(NightlyDisclosureJob.JobId, snapshots.Cron, snapshots.TimeZone);

        // This host's storage, registered before AddHangfire (which only adds one if none is): Hangfire's default is the
        // process-wide JobStorage.Current, so with two silos in one process (the tests) one silo's client enqueued into
        // the other's storage, where no server serves its queue, and a snapshot never ran.
        services.AddSingleton<JobStorage>(_ => CreateJobStorage(settings));
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (settings.RunJobServer)
        {
            services.AddHangfireServer((provider, server) =>
            {
                // Jobs this server runs are built from this host's services (Hangfire's default activator is
                // process-wide: with two silos in one process a snapshot job ran against the other silo's store).
                server.Activator = new global::Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
                server.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                server.Queues = [settings.JobQueue, "default"];
                server.SchedulePollingInterval = settings.JobPollInterval;
                server.ServerName = $"akto-{settings.ClusterId}-{Environment.MachineName}-{settings.SiloPort}";
            });
        }

        services.AddHostedService<RecurringJobRegistrar>();
    }

    /// <summary>
    /// Hangfire's storage: its own schema per deployment in PostgreSQL (<see cref="AktoSettings.HangfireSchema"/>), or its own SQLite file (its polling would otherwise compete
    /// with grain writes for the silo database's single write lock). The SQLite storage is the project's own, on the
    /// process's one SQLite stack; it holds no connection, so disposing the host while workers stop is safe.
    /// </summary>
    private static JobStorage CreateJobStorage(AktoSettings settings)
    {
        if (settings.Mode == StorageMode.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = settings.HangfireSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = settings.JobPollInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(settings.PostgresConnectionString!, options), options);
        }

        Directory.CreateDirectory(settings.DataDirectory);
        return new SqliteJobStorage(settings.HangfireSqlitePath, new SqliteJobStorageOptions { QueuePollInterval = settings.JobPollInterval });
    }

    private static void AddHttp(IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });

        services.AddHttpContextAccessor();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, DashboardAccessHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AktoPolicies.FinanceBureau, policy => policy.RequireRole(AktoRoles.FinanceBureau))
            .AddPolicy(AktoPolicies.Dashboards, policy => policy.AddRequirements(new DashboardAccessRequirement()));

        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
        // Pipeline order: log everything, then refuse malformed idempotency keys and invalid messages.
        services.AddScoped(typeof(Mediator.IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(Mediator.IPipelineBehavior<,>), typeof(IdempotencyBehavior<,>));
        services.AddScoped(typeof(Mediator.IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<SiloHealthCheck>("silo");
    }

    private static void MapPipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAktoWeb();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapAktoApi();
        app.MapHangfireDashboard("/hangfire", new global::Hangfire.DashboardOptions { Authorization = [], DashboardTitle = "Akto.Consolidation 作业" })
            .RequireAuthorization(AktoPolicies.Dashboards);
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(AktoPolicies.Dashboards);
        app.MapAktoWeb();
    }
}
