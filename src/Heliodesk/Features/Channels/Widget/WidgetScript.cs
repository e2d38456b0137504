using System.IO.Compression;
using System.Security.Cryptography;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// Serves the widget script (embedded in the assembly, so it ships with the binary) at /widget.js. Its version
/// is a hash of its bytes: the ETag and X-Widget-Version carry it, browsers and CDNs may keep it an hour and
/// then revalidate cheaply, and a page that pins /widget.js?v=VERSION may keep it a year.
/// </summary>
public static class WidgetScript
{
    private static readonly Lazy<(byte[] Plain, byte[] Gzip, string Version)> Content = new(Load);

    public static string Version => Content.Value.Version;

    public static byte[] Plain => Content.Value.Plain;

    public static IResult Serve(HttpContext http, string? v)
    {
        var (plain, gzip, version) = Content.Value;
        var etag = $"\"{version}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers["X-Widget-Version"] = version;
        headers.CacheControl = v == version ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        headers.Vary = "Accept-Encoding";
        headers.XContentTypeOptions = "nosniff";
        // Any page may load the script; what it can do is decided by the workspace's allowed origins.
        headers.AccessControlAllowOrigin = "*";
        if (http.Request.Headers.IfNoneMatch == etag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(gzip, "text/javascript; charset=utf-8");
        }
        return TypedResults.Bytes(plain, "text/javascript; charset=utf-8");
    }

    private static (byte[], byte[], string) Load()
    {
        using var stream = typeof(WidgetScript).Assembly.GetManifestResourceStream("Heliodesk.Widget.widget.js")
            ?? throw new InvalidOperationException("widget.js is not embedded in the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var plain = memory.ToArray();
        using var zipped = new MemoryStream();
        using (var gzip = new GZipStream(zipped, CompressionLevel.SmallestSize))
        {
            gzip.Write(plain);
        }
        return (plain, zipped.ToArray(), Convert.ToHexStringLower(SHA256.HashData(plain))[..16]);
    }
}
