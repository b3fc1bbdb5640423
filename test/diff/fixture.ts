/** A small but valid partnership that touches every file kind the change model classifies. */
export const BASE: Record<string, string> = {
  'partnership.yaml': `id: acme-northwind
name: Acme and Northwind
client: { id: acme, name: Acme Corp }
provider: { id: northwind, name: Northwind MSP }
timezone: Europe/Berlin
contract:
  reference: MSA-2025-014
  start: 2025-01-01
  end: 2027-12-31
  renewal: { auto: true, noticeDays: 90 }
  value: { amount: 480000, currency: EUR, per: year }
owners: { client: jane-doe, provider: bob-smith }
scope:
  services: [service-desk, hosting]
  exclusions: [End-user hardware procurement]
`,
  'contacts.yaml': `contacts:
  - id: jane-doe
    name: Jane Doe
    party: client
    email: jane.doe@acme.example
  - id: bob-smith
    name: Bob Smith
    party: provider
    email: bob.smith@northwind.example
  - id: kim-lee
    name: Kim Lee
    party: provider
    email: kim.lee@northwind.example
`,
  'raci.yaml': `roles:
  - id: client-it-lead
    name: Client IT lead
    party: client
    holders: [jane-doe]
  - id: provider-sdm
    name: Service delivery manager
    party: provider
    holders: [bob-smith]
  - id: provider-ops
    name: Provider operations
    party: provider
    holders: [kim-lee]
activities:
  - id: patching
    name: Monthly server patching
    responsible: [provider-ops]
    accountable: provider-sdm
    consulted: [client-it-lead]
`,
  'slas.yaml': `calendars:
  - id: business-hours
    timezone: Europe/Berlin
    hours: { mon-fri: "08:00-18:00" }
  - id: 24x7
services:
  - id: service-desk
    name: Service desk
    calendar: business-hours
    priorities:
      - id: P1
        calendar: 24x7
        response: 15m
        resolution: 4h
        target: 95
      - id: P2
        response: 1h
        resolution: 8h
        target: 90
  - id: hosting
    name: Hosting
    calendar: 24x7
    availability: { target: 99.9, per: month }
    monthlyFee: { amount: 12000, currency: EUR }
    clockStops: [planned-maintenance]
    priorities:
      - id: P1
        response: 30m
        resolution: 4h
        target: 95
      - id: P2
        response: 2h
        resolution: 8h
        target: 90
    credits:
      tiers:
        - { below: 99.9, percent: 5 }
        - { below: 99.5, percent: 10 }
      cap: 20
`,
  'escalation.yaml': `paths:
  - id: major-incident
    appliesTo: { services: [service-desk, hosting], priorities: [P1, P2] }
    levels:
      - name: Service desk
        after: 0m
        contacts: [kim-lee]
        coverage: 24x7
      - name: Service delivery manager
        after: 30m
        contacts: [bob-smith]
        coverage: 24x7
      - name: Provider CTO
        after: 2h
        contacts: [kim-lee]
        coverage: 24x7
`,
  'objectives.yaml': `objectives:
  - id: fewer-outages
    title: Cut unplanned downtime
    owner: jane-doe
    kpis:
      - id: hosting-availability
        name: Hosting availability
        unit: "%"
        target: { op: ">=", value: 99.95 }
        source: sla:hosting.availability
`,
  'governance.yaml': `meetings:
  - id: monthly-service-review
    name: Monthly service review
    cadence: monthly
    day: first-tue
    time: "10:00"
    duration: 1h
    chair: bob-smith
    attendees: [client-it-lead, provider-sdm]
    agenda: [SLA performance, Risks]
`,
  'risks.yaml': `risks:
  - id: key-person
    title: Single engineer knows the legacy ERP
    likelihood: 3
    impact: 4
    owner: bob-smith
    mitigation: Pair a second engineer
    status: open
    reviewBy: 2026-12-01
`,
};
