using Heliodesk.Common;
using Heliodesk.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Which provider this instance runs on, for the few places that must know.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);

public static class DataExtensions
{
    /// <summary>
    /// Chooses the provider once: a PostgreSQL connection string in ConnectionStrings:Heliodesk
    /// means PostgreSQL; otherwise an embedded SQLite file in the data directory.
    /// </summary>
    public static IHostApplicationBuilder AddHeliodeskData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HeliodeskOptions.Section).Get<HeliodeskOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString("Heliodesk");
        builder.Services.AddScoped<WorkspaceScope>();

        if (IsPostgres(connectionString))
        {
            builder.Services.AddSingleton(new DatabaseInfo(DatabaseProvider.Postgres));
            builder.Services.AddDbContext<HeliodeskDb, PostgresHeliodeskDb>(o => o.UseNpgsql(connectionString));
            return builder;
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString ?? "")
        {
            DataSource = string.IsNullOrEmpty(connectionString) ? options.DataPath("heliodesk.db") : new SqliteConnectionStringBuilder(connectionString).DataSource,
            Pooling = true,
        }.ToString();
        var gate = new SqliteWriteGate();
        var pragmas = new SqlitePragmas(options.SqliteSynchronous);
        builder.Services.AddSingleton(new DatabaseInfo(DatabaseProvider.Sqlite));
        builder.Services.AddDbContext<HeliodeskDb, SqliteHeliodeskDb>(o => o.UseSqlite(sqlite).AddInterceptors(gate, pragmas));
        return builder;
    }

    public static bool IsPostgres(string? connectionString) =>
        connectionString is not null && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
