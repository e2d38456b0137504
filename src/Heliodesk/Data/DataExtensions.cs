using Heliodesk.Common;
using Heliodesk.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
            builder.Services.AddPooledDbContextFactory<PostgresHeliodeskDb>((sp, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(FeatureInterceptors(sp)).UseApplicationServiceProvider(sp));
            AddScopedContext<PostgresHeliodeskDb>(builder.Services);
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
        // Created by the container (not passed in) so it is disposed, draining its queue, at shutdown.
        builder.Services.AddSingleton(_ => new GroupCommitWriter(sqlite, gate, pragmas));
        builder.Services.AddPooledDbContextFactory<SqliteHeliodeskDb>((sp, o) => o.UseSqlite(sqlite).AddInterceptors(gate, pragmas)
            .AddInterceptors(FeatureInterceptors(sp)).UseApplicationServiceProvider(sp));
        AddScopedContext<SqliteHeliodeskDb>(builder.Services);
        return builder;
    }

    // Pooled contexts skip building a context and its services per request; the request's
    // workspace scope is attached on rental and the pool takes the context back when the scope ends.
    private static void AddScopedContext<TContext>(IServiceCollection services) where TContext : HeliodeskDb =>
        services.AddScoped<HeliodeskDb>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Within(sp.GetRequiredService<WorkspaceScope>()));

    // Publishes committed ticket changes to open screens (registered by the Tickets feature), and whatever
    // else features register as an interceptor (presence changes for the operations view, the API-token cache).
    private static IInterceptor[] FeatureInterceptors(IServiceProvider services) =>
        [services.GetRequiredService<Features.Tickets.Live.TicketFeedInterceptor>(), .. services.GetServices<IInterceptor>()];

    public static bool IsPostgres(string? connectionString) =>
        connectionString is not null && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
