using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;

namespace Heliodesk.Features.Outbox;

/// <summary>
/// The public way to cause a side effect: <see cref="Enqueue{T}"/> adds an outbox row to the
/// current unit of work; the caller's save and commit make it real. Nothing is sent before the
/// change that caused it has committed, and nothing is lost if the process dies right after.
/// </summary>
public sealed class Outbox(HeliodeskDb db, WorkspaceScope scope, TimeProvider time)
{
    public OutboxMessage Enqueue<T>(string kind, T payload, Guid? subjectId = null, Guid? id = null)
    {
        var now = time.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = id ?? Guid.CreateVersion7(),
            WorkspaceId = scope.WorkspaceId,
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, OutboxJson.Options),
            SubjectId = subjectId,
            CreatedAt = now,
            DueAt = now,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>Does the work for one kind of outbox message. Runs in the message's workspace scope.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <summary>
    /// Performs the side effect. Throwing schedules a retry with backoff; a redelivery (after a
    /// crash between the effect and its acknowledgement) carries the same <see cref="OutboxMessage.Id"/>,
    /// so pass that id downstream to let the receiver recognise it.
    /// </summary>
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>A failure that retrying cannot fix (a rejected address, a deleted mailbox): no more attempts.</summary>
public sealed class PermanentOutboxFailure(string message) : Exception(message);

public static class OutboxMessages
{
    public static T Read<T>(this OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, OutboxJson.Options)
        ?? throw new PermanentOutboxFailure($"Outbox message {message.Id} has an empty payload.");
}
