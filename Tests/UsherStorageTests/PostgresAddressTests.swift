import Testing
import Usher
import UsherStorage

/// `--state postgres://…`: the URL first, then libpq's environment variables, then defaults;
/// the password never shown.
@Suite("PostgresAddress")
struct PostgresAddressTests {
    @Test func everyPartFromTheURL() throws {
        let address = try PostgresAddress("postgres://desk:s3cret@db.internal:6543/centre", environment: [:])
        #expect(address.host == "db.internal")
        #expect(address.port == 6543)
        #expect(address.user == "desk")
        #expect(address.password == "s3cret")
        #expect(address.database == "centre")
        #expect(address.description == "postgres://desk@db.internal:6543/centre")
    }

    @Test func partsTheURLLeavesOutComeFromTheEnvironment() throws {
        let environment = [
            "PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "ops", "PGPASSWORD": "pw", "PGDATABASE": "desk",
        ]
        let address = try PostgresAddress("postgresql://", environment: environment)
        #expect(address.description == "postgres://ops@10.0.0.5:5433/desk")
        #expect(address.password == "pw")
        let partly = try PostgresAddress("postgres://127.0.0.1/other", environment: environment)
        #expect(partly.description == "postgres://ops@127.0.0.1:5433/other")
    }

    @Test func defaultsAreLibpqs() throws {
        let address = try PostgresAddress("postgres://", environment: ["USER": "sam"])
        #expect(address.description == "postgres://sam@localhost:5432/sam")
    }

    @Test(arguments: [
        (["PGPORT": "fifty"], "PGPORT=fifty: not a port number"),
        (
            ["PGHOST": "/var/run/postgresql"],
            "postgres://sam@/var/run/postgresql:5432/sam: Unix sockets are not supported; give a host name or address"
        ),
    ])
    func refusals(environment: [String: String], message: String) {
        #expect(throws: StoreError(.unusable, message)) {
            try PostgresAddress("postgres://", environment: environment.merging(["USER": "sam"]) { a, _ in a })
        }
    }

    @Test func anAddressThatIsNotPostgresIsRefused() {
        #expect(
            throws: StoreError(
                .unusable, "mysql://u:***@h/d: not a PostgreSQL address; write postgres://user@host:port/database")
        ) {
            try PostgresAddress("mysql://u:secret@h/d", environment: [:])
        }
    }

    @Test func aPasswordIsRedactedFromAnAddressThatDidNotParse() {
        #expect(PostgresAddress.redacted("postgres://u:secret@[bad/x") == "postgres://u:***@[bad/x")
    }
}
