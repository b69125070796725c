using Akto.Consolidation.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Akto.Consolidation.Silo.Tests.Hosting;

public sealed class AktoSettingsTests
{
    [Fact]
    public void The_PostgreSQL_pool_is_bounded_unless_the_connection_string_bounds_it_itself()
    {
        var bounded = Settings(("ConnectionStrings:Postgres", "Host=db;Username=akto;Password=p;Database=akto"));
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(bounded.PostgresConnectionString);
        Assert.Equal(AktoSettings.DefaultMaxPoolSize, npgsql.MaxPoolSize);
        Assert.Equal("p", npgsql.Password);
        Assert.Equal("db", npgsql.Host);

        var configured = Settings(("ConnectionStrings:Postgres", "Host=db;Username=akto"), ("Akto:Postgres:MaxPoolSize", "20"));
        Assert.Equal(20, new Npgsql.NpgsqlConnectionStringBuilder(configured.PostgresConnectionString).MaxPoolSize);

        var explicitly = Settings(("ConnectionStrings:Postgres", "Host=db;Username=akto;Max Pool Size=7"));
        Assert.Equal("Host=db;Username=akto;Max Pool Size=7", explicitly.PostgresConnectionString);

        Assert.Null(Settings().PostgresConnectionString);
    }

    private static AktoSettings Settings(params (string Key, string Value)[] values) =>
        AktoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());
}
