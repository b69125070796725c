namespace Akto.Consolidation.Silo.Storage;

/// <summary>The two databases the silo speaks to, named as the folders of seeds/sql.</summary>
public enum SqlDialect
{
    PostgreSql,
    Sqlite,
}
