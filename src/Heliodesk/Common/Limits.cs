namespace Heliodesk;

/// <summary>Size bounds shared by validation and the schema, so the two can never disagree.</summary>
public static class Limits
{
    public const int Name = 200;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Language = 35;
    public const int TimeZone = 64;
    public const int Subject = 300;
    public const int Tag = 80;
    public const int TagsPerTicket = 50;
    public const int ShortText = 100;
    public const int Url = 2048;
    public const int Currency = 3;
    public const int MessageText = 65_536;
    public const int MessageHtml = 262_144;
    public const int AttachmentsPerMessage = 20;
    public const int ListPage = 100;
    public const int FileName = 255;
    public const int IdempotencyKey = 255;
    public const int JsonBodyBytes = 1_048_576;
}
