using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Heliodesk.Data;

/// <summary>One new row: its shape and its property values, read on the request's thread.</summary>
internal sealed record RowInsert(InsertShape Shape, object?[] Values);

/// <summary>
/// The INSERT for one entity type, generated from the EF model (table, column names, value
/// converters), so it follows every model change the migrations follow; nothing is hand-written.
/// </summary>
internal sealed class InsertShape(IEntityType entityType, string sql, IProperty[] columns, int rank)
{
    public IEntityType EntityType { get; } = entityType;
    public string Sql { get; } = sql;
    public IProperty[] Columns { get; } = columns;

    /// <summary>EF's own parameter for each column: the same converters, store types and null handling as SaveChanges.</summary>
    public RelationalTypeMapping[] Mappings { get; } = columns.Select(p => p.GetRelationalTypeMapping()).ToArray();

    /// <summary>Principals before dependents, so foreign keys hold after every single insert.</summary>
    public int Rank { get; } = rank;
}

/// <summary>
/// Turns a unit of work made only of new rows into plain INSERTs. Anything EF must do more for
/// (updates, deletes, values the database generates, owned or complex types, JSON collections) makes
/// <see cref="TryPlan"/> answer null, and the caller saves through EF as usual.
/// </summary>
internal static class ModelInserts
{
    private static readonly ConcurrentDictionary<IEntityType, InsertShape?> Shapes = new();

    /// <summary>Expects changes already detected (HeliodeskDb.PlanInserts does).</summary>
    public static IReadOnlyList<RowInsert>? TryPlan(DbContext db)
    {
        var rows = new List<RowInsert>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
            {
                continue;
            }
            if (entry.State != EntityState.Added || ShapeOf(entry.Metadata, db) is not { } shape || HasTemporaryValues(entry, shape))
            {
                return null;
            }
            rows.Add(new RowInsert(shape, Values(entry, shape)));
        }
        rows.Sort((a, b) => a.Shape.Rank.CompareTo(b.Shape.Rank));
        return rows;
    }

    private static InsertShape? ShapeOf(IEntityType type, DbContext db) => Shapes.GetOrAdd(type, t => Build(t, db));

    private static InsertShape? Build(IEntityType type, DbContext db)
    {
        var table = type.GetTableName();
        if (table is null || type.GetComplexProperties().Any() || type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || type.GetDiscriminatorPropertyName() is not null || type.GetMappingStrategy() is RelationalAnnotationNames.TptMappingStrategy or RelationalAnnotationNames.TpcMappingStrategy)
        {
            return null;
        }
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties().ToArray();
        if (columns.Any(p => p.IsPrimitiveCollection || p.GetColumnName(store) is null || p.GetDefaultValueSql(store) is not null
            || p.GetComputedColumnSql(store) is not null || p.ValueGenerated.HasFlag(ValueGenerated.OnUpdate)))
        {
            return null;
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        var values = string.Join(", ", columns.Select((_, i) => "$p" + i));
        return new InsertShape(type, $"INSERT INTO {sql.DelimitIdentifier(table, type.GetSchema())} ({names}) VALUES ({values})", columns, RankOf(type));
    }

    // The longest chain of required-or-optional principals above this type (self references ignored).
    private static int RankOf(IEntityType type, int depth = 0) =>
        depth > 32 ? depth : type.GetForeignKeys().Where(fk => fk.PrincipalEntityType != type)
            .Select(fk => 1 + RankOf(fk.PrincipalEntityType, depth + 1)).DefaultIfEmpty(0).Max();

    // A key EF would fill from the database (an identity column) cannot be written by a plain INSERT.
    private static bool HasTemporaryValues(EntityEntry entry, InsertShape shape) =>
        shape.Columns.Any(p => entry.Property(p).IsTemporary);

    private static object?[] Values(EntityEntry entry, InsertShape shape)
    {
        var values = new object?[shape.Columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = entry.Property(shape.Columns[i]).CurrentValue;
        }
        return values;
    }
}
