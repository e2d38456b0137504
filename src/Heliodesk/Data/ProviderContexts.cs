using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Heliodesk.Data;

public sealed class SqliteHeliodeskDb(DbContextOptions<SqliteHeliodeskDb> options) : HeliodeskDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type and cannot order or compare DateTimeOffset text; UTC ticks can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

public sealed class PostgresHeliodeskDb(DbContextOptions<PostgresHeliodeskDb> options) : HeliodeskDb(options);

/// <summary>Lets `dotnet ef migrations add --context SqliteHeliodeskDb` build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHeliodeskDb>
{
    public SqliteHeliodeskDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHeliodeskDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHeliodeskDb>
{
    public PostgresHeliodeskDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHeliodeskDb>().UseNpgsql("Host=localhost").Options);
}
