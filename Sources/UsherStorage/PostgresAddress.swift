import Foundation
import Usher

/// Where a PostgreSQL store lives: `postgres://user:password@host:port/database`, with the
/// parts a URL leaves out taken from libpq's environment variables (`PGHOST`, `PGPORT`,
/// `PGUSER`, `PGPASSWORD`, `PGDATABASE`), then libpq's defaults, so a deployment configured for
/// `psql` needs only `--state postgres://`.
///
/// ```swift
/// let address = try PostgresAddress("postgres://usher@db.internal:5432/desk")
/// address.description  // "postgres://usher@db.internal:5432/desk": never the password
/// ```
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Whether `state` names a PostgreSQL database rather than a SQLite file.
    public static func isAddress(_ state: String) -> Bool {
        state.hasPrefix("postgres://") || state.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` or `postgresql://` URL; parts it leaves out come from `environment`.
    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StoreError)
    {
        guard Self.isAddress(url), let components = URLComponents(string: url) else {
            throw StoreError(
                .unusable, "\(Self.redacted(url)): not a PostgreSQL address; write postgres://user@host:port/database")
        }
        func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        host = nonEmpty(components.host) ?? nonEmpty(environment["PGHOST"]) ?? "localhost"
        user =
            nonEmpty(components.user?.removingPercentEncoding) ?? nonEmpty(environment["PGUSER"])
            ?? nonEmpty(environment["USER"]) ?? "postgres"
        password = nonEmpty(components.password?.removingPercentEncoding) ?? nonEmpty(environment["PGPASSWORD"])
        let path = String(components.path.drop { $0 == "/" }).removingPercentEncoding
        database = nonEmpty(path) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        if let port = components.port {
            self.port = port
        } else if let text = nonEmpty(environment["PGPORT"]) {
            guard let port = Int(text), (1...65_535).contains(port) else {
                throw StoreError(.unusable, "PGPORT=\(text): not a port number")
            }
            self.port = port
        } else {
            port = 5432
        }
        if host.hasPrefix("/") {
            throw StoreError(
                .unusable, "\(description): Unix sockets are not supported; give a host name or address")
        }
    }

    /// The address as logs and errors show it: everything but the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `url` with any password replaced, for an error about an address that did not parse.
    public static func redacted(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://"),
            let colon = url[scheme.upperBound..<at].firstIndex(of: ":")
        else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
