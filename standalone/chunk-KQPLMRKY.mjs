import { createRequire as __speclintCreateRequire } from 'node:module'; import { fileURLToPath as __speclintFileURLToPath } from 'node:url'; const require = __speclintCreateRequire(import.meta.url); const __filename = __speclintFileURLToPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));
import{OPTIONAL_FIELD,canonicalKey,cleanHeading,compileTemplate,headingForms,headingKey,headingPattern,introducesOptionalFields,isAllStandIn,isOptionalHeading,isTitleHeading,marksFieldOptional,matchesHeading,memoBySource,metadataKeyOfLine,optionalFromText,templateHeadingText,titlePattern}from"./chunk-JCNQQZSO.mjs";import{didYouMean}from"./chunk-Y46YLXA6.mjs";var BUILTIN_TEMPLATES={"design-doc":`# Technical Specification: [Feature Name]

**Version:** 1.0
**Status:** Draft | Review | Approved
**Author:** [Your Name]
**Date:** [Date]
**Last Updated:** [Date]

## Executive Summary

Brief overview of the feature or system being specified (2-3 sentences).

## Background

### Problem Statement

Description of the problem this feature solves.

### Goals

- Goal 1
- Goal 2
- Goal 3

### Non-Goals

- What this feature will NOT do
- Explicitly out of scope items

## Requirements

### Functional Requirements

| ID   | Requirement                          | Priority | Status     |
|------|--------------------------------------|----------|------------|
| FR-1 | User shall be able to...             | High     | Pending    |
| FR-2 | System shall validate...             | High     | Pending    |
| FR-3 | Application shall support...         | Medium   | Pending    |

### Non-Functional Requirements

| ID    | Requirement                         | Priority | Target     |
|-------|-------------------------------------|----------|------------|
| NFR-1 | Response time shall be < 200ms      | High     | < 200ms    |
| NFR-2 | System shall support 10k users      | High     | 10,000     |
| NFR-3 | Uptime shall be 99.9%               | Medium   | 99.9%      |

## Architecture

### System Overview

High-level description of the system architecture.

\`\`\`
\u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510     \u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510     \u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510
\u2502   Client    \u2502\u2500\u2500\u2500\u2500\u25B6\u2502   Server    \u2502\u2500\u2500\u2500\u2500\u25B6\u2502  Database   \u2502
\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518     \u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518     \u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518
\`\`\`

### Components

#### Component 1: [Name]

**Purpose:** What this component does

**Responsibilities:**

- Responsibility 1
- Responsibility 2
- Responsibility 3

**Technology Stack:**

- Technology 1
- Technology 2

#### Component 2: [Name]

**Purpose:** What this component does

**Responsibilities:**

- Responsibility 1
- Responsibility 2

### Data Model

\`\`\`sql
-- Database schema
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    username VARCHAR(50) UNIQUE NOT NULL,
    email VARCHAR(100) UNIQUE NOT NULL,
    created_at TIMESTAMP DEFAULT NOW()
);
\`\`\`

### API Specification

#### Endpoint 1

**Method:** \`POST /api/resource\`

**Request:**

\`\`\`json
{
  "field1": "value1",
  "field2": "value2"
}
\`\`\`

**Response:**

\`\`\`json
{
  "id": "123",
  "status": "success"
}
\`\`\`

## Implementation Plan

### Phase 1: Foundation

**Duration:** 2 weeks

**Tasks:**

- [ ] Set up project structure
- [ ] Implement data models
- [ ] Create database migrations

### Phase 2: Core Features

**Duration:** 3 weeks

**Tasks:**

- [ ] Implement feature A
- [ ] Implement feature B
- [ ] Write unit tests

### Phase 3: Integration & Testing

**Duration:** 2 weeks

**Tasks:**

- [ ] Integration testing
- [ ] Performance testing
- [ ] Security review

## Testing Strategy

### Unit Testing

- Test coverage target: 80%
- Focus areas: Business logic, data validation

### Integration Testing

- Test API endpoints
- Test database interactions
- Test external service integrations

### Performance Testing

- Load testing with 1000 concurrent users
- Response time < 200ms for 95% of requests
- Database query optimization

## Security Considerations

### Authentication & Authorization

- JWT-based authentication
- Role-based access control (RBAC)
- Session management

### Data Protection

- Encryption at rest
- Encryption in transit (TLS 1.3)
- PII data handling

### Security Measures

- Input validation and sanitization
- SQL injection prevention
- XSS prevention
- CSRF protection
- Rate limiting

## Deployment

### Infrastructure

- Cloud provider: AWS/GCP/Azure
- Container orchestration: Kubernetes
- CI/CD: GitHub Actions

### Rollout Plan

1. Deploy to development environment
2. Deploy to staging environment
3. Canary deployment to production (10%)
4. Full production deployment

### Rollback Strategy

Steps to rollback if issues are discovered:

1. Stop deployment
2. Revert to previous version
3. Investigate issue
4. Fix and redeploy

## Monitoring & Observability

### Metrics

- Request rate
- Response time (p50, p95, p99)
- Error rate
- Database query performance

### Logging

- Application logs
- Access logs
- Error logs
- Audit logs

### Alerting

- Error rate > 1%
- Response time > 500ms
- Service downtime

## Risks & Mitigation

| Risk                          | Impact | Likelihood | Mitigation                    |
|-------------------------------|--------|------------|-------------------------------|
| Database performance issues   | High   | Medium     | Query optimization, caching   |
| Third-party API downtime      | Medium | Low        | Implement fallback mechanisms |
| Security vulnerabilities      | High   | Low        | Security audits, code review  |

## Open Questions
<!-- speclint: optional -->

- [ ] Question 1 requiring clarification
- [ ] Question 2 requiring decision
- [ ] Question 3 requiring research

## Alternatives Considered

### Alternative 1: [Name]

**Pros:**

- Pro 1
- Pro 2

**Cons:**

- Con 1
- Con 2

**Decision:** Rejected because...

### Alternative 2: [Name]

**Pros:**

- Pro 1
- Pro 2

**Cons:**

- Con 1
- Con 2

**Decision:** Rejected because...

## Dependencies

- Dependency 1: Description
- Dependency 2: Description
- Dependency 3: Description

## Success Metrics

- Metric 1: Target value
- Metric 2: Target value
- Metric 3: Target value

## Timeline

| Milestone              | Date       | Status     |
|------------------------|------------|------------|
| Specification Complete | YYYY-MM-DD | Pending    |
| Development Start      | YYYY-MM-DD | Pending    |
| Alpha Release          | YYYY-MM-DD | Pending    |
| Beta Release           | YYYY-MM-DD | Pending    |
| Production Release     | YYYY-MM-DD | Pending    |

## Appendix
<!-- speclint: optional -->

### Glossary

- **Term 1:** Definition
- **Term 2:** Definition

### References

- [Reference 1](https://example.com)
- [Reference 2](https://example.com)
`,"feature-plan":`# Feature: [NAME]
Status: Planning | In Progress | Review | Complete
Created: [DATE]
Approved By: [User confirmation timestamp]
Context7 Consulted: [DATE] - [What was validated]

## Problem Analysis

### Problem Statement
[Detailed problem description based on user discovery phase]

### Affected Users
[Specific user types who experience this problem]

### Current State
[How things work now - the existing workaround or pain point]

### Business Impact
[What happens if this problem isn't solved]

### Success Metrics
[How we'll measure if this feature solves the problem]

## Solution Design

### Chosen Approach
[Selected solution approach with detailed reasoning]

### Alternatives Considered
1. **[Alternative 1]** - Rejected because: [specific reason]
2. **[Alternative 2]** - Rejected because: [specific reason]
3. **[Alternative 3]** - Rejected because: [specific reason]

### Trade-off Analysis
- **Complexity**: [chosen approach complexity level and justification]
- **Performance**: [performance implications and optimizations]
- **Maintainability**: [long-term maintenance considerations]
- **Scalability**: [how it handles future growth]

## Acceptance Criteria

### Functional Requirements
- [ ] **Primary Flow**: User can [specific action with specific inputs/outputs]
- [ ] **Error Handling**: System properly handles [specific error cases]
- [ ] **Edge Cases**: [List specific edge cases and expected behavior]
- [ ] **Integration**: Feature works seamlessly with [existing systems]

### Non-Functional Requirements
- [ ] **Performance**: [Specific metrics - response times, throughput]
- [ ] **Security**: [Authentication, authorization, data protection requirements]
- [ ] **Usability**: [User experience standards and accessibility]
- [ ] **Reliability**: [Uptime, error rates, recovery expectations]
- [ ] **Scalability**: [Concurrent users, data volume, growth projections]

## Technical Architecture

### System Components
**[Component 1 Name]** (\`[file/directory location]\`)
- **Responsibility**: [Detailed description of what it does]
- **Dependencies**: [What it depends on]
- **Interfaces**: [How other components interact with it]
- **Key Methods**: [Primary methods/functions it exposes]

**[Component 2 Name]** (\`[file/directory location]\`)
- **Responsibility**: [Detailed description]
- **Dependencies**: [Dependencies]
- **Interfaces**: [External interfaces]
- **Key Methods**: [Methods]

### Data Model & Database Design
\`\`\`sql
-- [Table 1] - [Purpose]
CREATE TABLE [table_name] (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  [field1] VARCHAR(255) NOT NULL,
  [field2] INTEGER DEFAULT 0,
  [field3] TIMESTAMP DEFAULT NOW(),
  -- Constraints
  CONSTRAINT [constraint_name] UNIQUE ([field1]),
  CONSTRAINT [constraint_name2] CHECK ([field2] >= 0)
);

-- Indexes for performance
CREATE INDEX idx_[table]_[field] ON [table_name] ([field1]);
CREATE INDEX idx_[table]_composite ON [table_name] ([field1], [field2]);
\`\`\`

**Relationships**:
- [Table1] \u2192 [Table2]: [relationship type and purpose]
- [Table2] \u2192 [Table3]: [relationship type and purpose]

**Data Migration Strategy**:
- [How to handle existing data]
- [Rollback plan if migration fails]

### API Specification

**Authentication**: [JWT/API Key/Session-based]

**Base URL**: \`/api/v1/[resource]\`

#### Endpoints

**\`POST /api/v1/[resource]\`** - Create new [resource]
\`\`\`json
Request:
{
  "field1": "string",
  "field2": 123,
  "field3": ["array", "of", "values"]
}

Response (201):
{
  "id": "uuid",
  "field1": "string",
  "field2": 123,
  "createdAt": "2025-01-01T00:00:00Z"
}

Error Responses:
400: {"error": "Validation failed", "details": ["field1 is required"]}
409: {"error": "Resource already exists"}
\`\`\`

**\`GET /api/v1/[resource]/:id\`** - Retrieve [resource]
\`\`\`json
Response (200):
{
  "id": "uuid",
  "field1": "string",
  "field2": 123,
  "updatedAt": "2025-01-01T00:00:00Z"
}

Error Responses:
404: {"error": "Resource not found"}
403: {"error": "Access denied"}
\`\`\`

### Integration Points

**External Services**:
- **[Service Name]**: [Purpose, authentication, rate limits]
- **[Service Name 2]**: [Purpose, fallback strategy]

**Internal Systems**:
- **[System Name]**: [Integration method, data flow]
- **[System Name 2]**: [Dependencies, communication protocol]

### Security Architecture

**Authentication & Authorization**:
- [Detailed auth flow]
- [Permission levels and role-based access]
- [Token management and refresh strategy]

**Data Protection**:
- [Encryption at rest and in transit]
- [PII handling and anonymization]
- [GDPR/privacy compliance measures]

**Input Validation**:
- [Validation rules and sanitization]
- [SQL injection prevention]
- [XSS protection measures]

### Performance Considerations

**Caching Strategy**:
- [What gets cached, where, for how long]
- [Cache invalidation strategy]

**Database Optimization**:
- [Query optimization approaches]
- [Connection pooling and scaling]

**Monitoring & Observability**:
- [Key metrics to track]
- [Logging strategy]
- [Alert thresholds]

## Implementation Strategy

### Technology Stack

**IMPORTANT**: All versions below were validated by Context7 during brainstorming and must be used exactly as specified in implementation.

| Category | Technology | Version | Context7 Validated | Reason for Choice |
|----------|------------|---------|-------------------|-------------------|
| **Runtime** | [Language] | v[X.Y.Z] | \u2705 [DATE] | [Why this version was chosen] |
| **Framework** | [Framework] | v[X.Y.Z] | \u2705 [DATE] | [Benefits over alternatives] |
| **Database** | [Database] | v[X.Y.Z] | \u2705 [DATE] | [Performance/compatibility reasons] |
| **ORM/Query** | [Library] | v[X.Y.Z] | \u2705 [DATE] | [Integration benefits] |
| **Authentication** | [Auth Library] | v[X.Y.Z] | \u2705 [DATE] | [Security features] |
| **Validation** | [Validation Library] | v[X.Y.Z] | \u2705 [DATE] | [Schema validation capabilities] |
| **Testing** | [Test Framework] | v[X.Y.Z] | \u2705 [DATE] | [Coverage and mocking features] |
| **Caching** | [Cache Solution] | v[X.Y.Z] | \u2705 [DATE] | [Performance characteristics] |
| **Monitoring** | [APM Tool] | v[X.Y.Z] | \u2705 [DATE] | [Observability features] |

**Version Compatibility Matrix**: All versions above have been verified compatible with each other by Context7.

**Package Manager**: [npm/yarn/pnpm] v[X.Y.Z]
**Node.js LTS**: v[X.Y.Z] (if applicable)

**Installation Commands**:
\`\`\`bash
# Exact versions to install (copy these commands to tasks.md)
[package-manager] install [library]@[version]
[package-manager] install [framework]@[version]
# ... (complete installation script)
\`\`\`

### Dependencies & Prerequisites
- [External libraries that need to be installed]
- [Environment setup requirements]
- [Infrastructure requirements]

### Development Environment Setup
- [Step-by-step setup instructions]
- [Required environment variables]
- [Local development database setup]

### Testing Strategy
- **Unit Tests**: [Coverage target, testing framework]
- **Integration Tests**: [API endpoint testing approach]
- **E2E Tests**: [Critical user journey testing]
- **Performance Tests**: [Load testing approach and targets]
- **Security Tests**: [Penetration testing checklist]

### Deployment Strategy
- **Staging Environment**: [Testing approach]
- **Production Deployment**: [Blue-green, rolling update, etc.]
- **Rollback Plan**: [How to revert if issues occur]
- **Database Migrations**: [Safe migration approach]

## Risk Assessment & Mitigations

### Technical Risks
1. **[Risk Category]**: [Specific risk description]
   - **Probability**: High/Medium/Low
   - **Impact**: High/Medium/Low  
   - **Mitigation**: [Specific mitigation strategy]
   - **Contingency**: [Plan B if mitigation fails]

### Operational Risks
1. **[Risk Category]**: [Risk description]
   - **Mitigation**: [Strategy]
   - **Monitoring**: [How to detect if risk materializes]

## Quality Assurance

### Definition of Done
<!-- speclint: complete-when Complete -->
- [ ] All acceptance criteria validated
- [ ] Code review completed with approval
- [ ] Unit test coverage \u2265 85%
- [ ] Integration tests passing
- [ ] Security review completed
- [ ] Performance benchmarks met
- [ ] Documentation updated
- [ ] Deployment process validated

### Success Criteria
- [Specific measurable outcomes]
- [Performance benchmarks]
- [User adoption metrics]

## Future Considerations
<!-- speclint: optional -->

### Potential Enhancements
- [Phase 2 features that could build on this]
- [Scaling improvements for future growth]

### Technical Debt Concerns
- [Areas where we're taking shortcuts and why]
- [When and how to address technical debt]

## Out of Scope

### Explicitly Excluded
- [Features/functionality explicitly not included]
- [Integration points not covered]
- [Edge cases being deferred]

### Future Phase Candidates
- [Features that could be added later]
- [When these might be prioritized]`,"feature-spec":`# Feature Specification: [FEATURE_NAME]

## Metadata
- **Spec ID**: SPEC-[YYYY-MM-DD]-[NUMBER]
- **Status**: Draft
- **Author**: [Your Name]
- **Created**: [Date]
- **Last Updated**: [Date]
- **Reviewers**: [Names]
- **Issue**: #[Number]

## Executive Summary
[One paragraph summary of what this feature does and why it's needed]

## Problem Statement
### Current State
[Describe the current situation]

### Pain Points
1. [Pain point 1]
2. [Pain point 2]
3. [Pain point 3]

### Impact
- **Users Affected**: [Number/Type]
- **Business Impact**: [Description]
- **Technical Debt**: [If applicable]

## Proposed Solution
### Overview
[High-level description of the solution]

### Technical Approach
[Detailed technical implementation approach]

### Architecture Changes
\`\`\`mermaid
graph TD
    A[Component A] --> B[Component B]
    B --> C[Component C]
\`\`\`

### Data Model Changes
\`\`\`typescript
interface NewModel {
  // Define new interfaces/types
}
\`\`\`

## Implementation Plan
### Phase 1: Foundation
- [ ] Task 1.1: [Description]
- [ ] Task 1.2: [Description]
- [ ] Task 1.3: [Description]

### Phase 2: Core Implementation
- [ ] Task 2.1: [Description]
- [ ] Task 2.2: [Description]
- [ ] Task 2.3: [Description]

### Phase 3: Polish & Testing
- [ ] Task 3.1: [Description]
- [ ] Task 3.2: [Description]
- [ ] Task 3.3: [Description]

## Success Criteria
### Functional Requirements
- [ ] FR1: [Description]
- [ ] FR2: [Description]
- [ ] FR3: [Description]

### Non-Functional Requirements
- [ ] NFR1: Performance - [Metric]
- [ ] NFR2: Security - [Requirement]
- [ ] NFR3: Scalability - [Requirement]

### Acceptance Criteria
\`\`\`gherkin
Given [context]
When [action]
Then [expected outcome]
\`\`\`

## Testing Strategy
### Unit Tests
- [Component]: [Test coverage requirement]
- [Component]: [Test coverage requirement]

### Integration Tests
- [API Endpoint]: [Test scenario]
- [API Endpoint]: [Test scenario]

### E2E Tests
- [User Flow]: [Test scenario]
- [User Flow]: [Test scenario]

## Risk Assessment
| Risk | Probability | Impact | Mitigation |
|------|-------------|---------|------------|
| [Risk 1] | Low/Medium/High | Low/Medium/High | [Mitigation strategy] |
| [Risk 2] | Low/Medium/High | Low/Medium/High | [Mitigation strategy] |

## Dependencies
### Internal Dependencies
- [Component/Service]: [Why needed]
- [Component/Service]: [Why needed]

### External Dependencies
- [Library/Service]: [Version] - [Purpose]
- [Library/Service]: [Version] - [Purpose]

## Performance Considerations
- **Expected Load**: [Requests/second]
- **Response Time**: [Target milliseconds]
- **Resource Usage**: [CPU/Memory estimates]

## Security Considerations
- [ ] Authentication required
- [ ] Authorization checks implemented
- [ ] Input validation
- [ ] Output encoding
- [ ] Audit logging

## Documentation Requirements
- [ ] API Documentation
- [ ] User Guide
- [ ] Developer Guide
- [ ] Architecture Decision Record (ADR)

## Timeline
- **Start Date**: [Date]
- **Target Completion**: [Date]
- **Milestones**:
  - Phase 1 Complete: [Date]
  - Phase 2 Complete: [Date]
  - Phase 3 Complete: [Date]

## Review Checklist
<!-- speclint: complete-when Approved, Complete, Implemented -->
- [ ] Spec reviewed by technical lead
- [ ] Spec reviewed by product owner
- [ ] Dependencies identified and confirmed
- [ ] Risk assessment complete
- [ ] Testing strategy approved
- [ ] Timeline realistic and approved

## Notes
<!-- speclint: optional -->
[Any additional notes, open questions, or considerations]

## References
<!-- speclint: optional -->
- [Link to related documentation]
- [Link to similar implementations]
- [Link to design documents]`,"implementation-plan":`# [Feature Name] - Implementation Plan

## Technical Context

**Stack**:
- Frontend: [Framework - e.g., Next.js 15, React 19]
- Backend: [Framework - e.g., FastAPI, Python 3.11]
- Database: [Database - e.g., Supabase PostgreSQL]
- Authentication: [Auth system - e.g., Supabase Auth]

**External Integrations**:
- [Service 1 - e.g., Stripe for payments]
- [Service 2 - e.g., Eleven Labs for voice]

**Dependencies on Other Features**:
- [001-feature-name]: [What we need from it]
- [002-feature-name]: [What we need from it]

## Architecture

### Component Diagram

\`\`\`mermaid
graph TD
    A[Frontend - Next.js] --> B[API Routes]
    B --> C[FastAPI Backend]
    C --> D[Supabase PostgreSQL]
    C --> E[External Service]

    style A fill:#90EE90
    style C fill:#87CEEB
    style D fill:#DDA0DD
    style E fill:#F0E68C
\`\`\`

### Data Flow

\`\`\`mermaid
sequenceDiagram
    participant U as User
    participant F as Frontend
    participant A as API
    participant D as Database

    U->>F: User action
    F->>A: API request
    A->>D: Query/mutation
    D-->>A: Result
    A-->>F: Response
    F-->>U: Updated UI
\`\`\`

## Database Schema

### Tables

#### \`table_name\`
**Description**: [What this table stores]

**Columns**:
- \`id\` (uuid, PK) - Unique identifier
- \`field_1\` (type) - [Description]
- \`field_2\` (type) - [Description]
- \`created_at\` (timestamptz) - Creation timestamp
- \`updated_at\` (timestamptz) - Last update timestamp

**Indexes**:
- \`idx_table_field\` on \`(field_1)\` - [Why this index]

**RLS Policies**:
- SELECT: [Who can read - e.g., "Authenticated users can read own records"]
- INSERT: [Who can create - e.g., "Authenticated users only"]
- UPDATE: [Who can update - e.g., "Users can update own records"]
- DELETE: [Who can delete - e.g., "Only admins"]

#### \`related_table\`
[Same structure as above]

### Relationships
<!-- speclint: optional -->

- \`table_name.field_id\` \xE2\u2020\u2019 \`related_table.id\` (FK, CASCADE)
  - **Type**: One-to-Many
  - **Description**: [What this relationship represents]

## API Contracts

### Endpoints

#### \`POST /api/feature/action\`
**Description**: [What this endpoint does]

**Authentication**: Required (Bearer token)

**Request**:
\`\`\`json
{
  "param1": "string",
  "param2": 123,
  "param3": {
    "nested": "value"
  }
}
\`\`\`

**Response** (200 OK):
\`\`\`json
{
  "success": true,
  "data": {
    "id": "uuid",
    "result": "value"
  }
}
\`\`\`

**Error Responses**:
- \`400 Bad Request\`: Invalid input parameters
- \`401 Unauthorized\`: Missing or invalid authentication
- \`403 Forbidden\`: Insufficient permissions
- \`404 Not Found\`: Resource not found
- \`500 Internal Server Error\`: Server error

#### \`GET /api/feature/resource/:id\`
[Same structure as above]

## Integration Points

### Integration with [001-feature-name]

**What we use**:
- [Specific data/functionality from that feature]

**How we integrate**:
- [API calls, shared database tables, etc.]

**Example**:
\`\`\`typescript
// Example integration code
import { getDataFrom001 } from '@/lib/001-feature';

const result = await getDataFrom001(userId);
\`\`\`

### Integration with [External Service Name]

**What we use**:
- [Specific API or SDK functionality]

**Configuration**:
\`\`\`typescript
// Environment variables needed
EXTERNAL_API_KEY=xxx
EXTERNAL_WEBHOOK_SECRET=xxx
\`\`\`

**Example**:
\`\`\`typescript
// Example external service integration
import ExternalSDK from 'external-sdk';

const client = new ExternalSDK(process.env.EXTERNAL_API_KEY);
\`\`\`

## Technology Choices

### Choice 1: [Technology/Pattern Name]

**Decision**: [What was chosen - e.g., "Use Server Components for data fetching"]

**Rationale**:
- [Reason 1 - e.g., "Better performance with streaming"]
- [Reason 2 - e.g., "Reduced client-side JavaScript"]
- [Reason 3 - e.g., "Simplified data loading logic"]

**Alternatives Considered**:
- [Alternative 1]: [Why rejected - e.g., "Client-side fetching increases bundle size"]
- [Alternative 2]: [Why rejected]

**Trade-offs**:
- **Pros**: [Advantages of this choice]
- **Cons**: [Disadvantages we accept]

### Choice 2: [Another Technology/Pattern]
[Same structure as above]

## Security Considerations

### Authentication
- [How users authenticate - e.g., "Supabase Auth with JWT tokens"]
- [Session management - e.g., "Server-side session validation"]

### Authorization
- [Who can access what - e.g., "RLS policies enforce user isolation"]
- [Admin vs regular user permissions]

### Data Protection
- [Encryption - e.g., "Data encrypted at rest in Supabase"]
- [PII handling - e.g., "User emails hashed before logging"]
- [Input validation - e.g., "Zod schemas validate all inputs"]

### API Security
- [Rate limiting - e.g., "100 requests per minute per user"]
- [CORS configuration - e.g., "Allow only production domains"]
- [SQL injection prevention - e.g., "Parameterized queries only"]

## Performance Targets

### Response Times
- API endpoints: < 200ms p95
- Page loads: < 2 seconds initial load
- Interactions: < 100ms feedback

### Concurrent Users
- Support: [Number] concurrent users
- Database connections: [Pool size]

### Data Volumes
- Expected records: [Estimate]
- Growth rate: [Estimate]
- Retention: [Policy]

## Monitoring & Observability

### Metrics to Track
- [Metric 1 - e.g., "Request latency by endpoint"]
- [Metric 2 - e.g., "Error rate by error type"]
- [Metric 3 - e.g., "Database query performance"]

### Alerts
- [Alert 1 - e.g., "Error rate > 5% for 5 minutes"]
- [Alert 2 - e.g., "Response time > 1s for 10 minutes"]

### Logging
- [What to log - e.g., "All API requests with user context"]
- [What NOT to log - e.g., "Never log passwords or tokens"]

## Error Handling

### User-Facing Errors
- [Validation errors - e.g., "Show inline form validation"]
- [Network errors - e.g., "Retry with exponential backoff"]
- [Permission errors - e.g., "Redirect to login"]

### System Errors
- [Database errors - e.g., "Log and show generic error to user"]
- [External service failures - e.g., "Graceful degradation"]
- [Unexpected errors - e.g., "Error boundary with retry option"]

## Testing Strategy

### Unit Tests
- [Component tests - e.g., "Test all UI components in isolation"]
- [Function tests - e.g., "Test business logic functions"]

### Integration Tests
- [API tests - e.g., "Test all endpoints with Newman"]
- [Database tests - e.g., "Test migrations and RLS policies"]

### E2E Tests
- [User flows - e.g., "Playwright tests for primary scenarios"]
- [Edge cases - e.g., "Test error handling and recovery"]

---

**Plan Guidelines:**
- Focus on HOW to implement (this is technical, for developers)
- Include all technology choices with rationale
- Provide complete database schema with RLS
- Document all API contracts
- Show integration points clearly
- Address security, performance, monitoring
`,"tech-spec":`# [FEATURE_NAME] Technical Specification

**Document Status**: DRAFT | IN_REVIEW | APPROVED | IMPLEMENTED  
**Version**: 4.0  
**Created**: YYYY-MM-DD  
**Last Updated**: YYYY-MM-DD  
**Author**: [Name]  
**Related PRD**: [FEATURE_NAME_PRD.md]  

## Table of Contents
<!-- speclint: optional -->
1. [Overview](#overview)
2. [Architecture Design](#architecture-design)
3. [Detailed Design](#detailed-design)
4. [Data Model](#data-model)
5. [API Design](#api-design)
6. [Integration Points](#integration-points)
7. [Security Considerations](#security-considerations)
8. [Performance Considerations](#performance-considerations)
9. [Testing Strategy](#testing-strategy)
10. [Deployment Plan](#deployment-plan)
11. [Monitoring & Observability](#monitoring--observability)
12. [Risk Analysis](#risk-analysis)
13. [Implementation Checklist](#implementation-checklist)
14. [Change Log](#change-log)

## Overview

### Purpose
[Brief description of what this technical implementation will achieve]

### Scope
[What this spec covers and doesn't cover]

### Technical Goals
1. [Specific technical objective]
2. [Specific technical objective]
3. [Specific technical objective]

### Constraints & Assumptions
- **Constraints**: [Technical limitations, compliance requirements]
- **Assumptions**: [What we're assuming to be true]

## Architecture Design

### High-Level Architecture
\`\`\`
[ASCII or Mermaid diagram showing system components]
\u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510     \u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510     \u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510
\u2502   Client    \u2502\u2500\u2500\u2500\u2500\u25B6\u2502   Service   \u2502\u2500\u2500\u2500\u2500\u25B6\u2502  Database   \u2502
\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518     \u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518     \u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518
\`\`\`

### Component Overview
| Component | Purpose | Technology | Owner |
|-----------|---------|------------|--------|
| [Component A] | [What it does] | [Tech stack] | [Team/Person] |
| [Component B] | [What it does] | [Tech stack] | [Team/Person] |

### Design Decisions
| Decision | Options Considered | Choice | Rationale |
|----------|-------------------|---------|-----------|
| [Area] | Option A, Option B, Option C | Option B | [Why this was chosen] |

## Detailed Design

### Module/Component Design

#### [Component Name]
**Purpose**: [What this component does]

**Responsibilities**:
- [Responsibility]
- [Responsibility]

**Key Classes/Functions**:
\`\`\`python
class ExampleClass:
    """
    Purpose: [What this class does]
    
    Attributes:
        attr1: [Description]
        attr2: [Description]
    """
    
    def key_method(self, param1: Type) -> ReturnType:
        """
        What this method does
        
        Args:
            param1: [Description]
            
        Returns:
            [What it returns]
            
        Raises:
            [Exceptions it might raise]
        """
        pass
\`\`\`

### Sequence Diagrams
<!-- speclint: optional -->
\`\`\`
[Sequence diagram for key flows]
Client -> API: Request
API -> Service: Process
Service -> DB: Query
DB -> Service: Results
Service -> API: Response
API -> Client: Data
\`\`\`

## Data Model

### Database Schema
\`\`\`sql
-- Table: example_table
CREATE TABLE example_table (
    id BIGSERIAL PRIMARY KEY,
    field1 VARCHAR(255) NOT NULL,
    field2 INTEGER DEFAULT 0,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

-- Indexes
CREATE INDEX idx_example_field1 ON example_table(field1);
\`\`\`

### Data Flow
| Source | Transformation | Destination | Frequency | Volume |
|--------|---------------|-------------|-----------|---------|
| [Source] | [What happens] | [Where it goes] | [How often] | [How much] |

### Data Retention
| Data Type | Retention Period | Archival Strategy | Deletion Method |
|-----------|-----------------|-------------------|-----------------|
| [Type] | [Duration] | [How archived] | [How deleted] |

## API Design

### REST API Endpoints
| Method | Endpoint | Purpose | Request | Response |
|--------|----------|---------|---------|----------|
| GET | /api/v1/resource | List resources | Query params | 200: Resource[] |
| POST | /api/v1/resource | Create resource | Resource object | 201: Resource |

### API Contracts
\`\`\`yaml
# OpenAPI/Swagger specification
paths:
  /api/v1/resource:
    get:
      summary: List resources
      parameters:
        - name: limit
          in: query
          type: integer
          default: 20
      responses:
        200:
          description: Success
          schema:
            type: array
            items:
              $ref: '#/definitions/Resource'
\`\`\`

### Error Handling
| Error Code | Meaning | Response Format | Retry-able |
|------------|---------|----------------|------------|
| 400 | Bad Request | \`{"error": "message"}\` | No |
| 429 | Rate Limited | \`{"error": "message", "retry_after": seconds}\` | Yes |
| 500 | Server Error | \`{"error": "message"}\` | Yes |

## Integration Points

### Service Dependencies
| Service | Integration Type | Purpose | SLA | Fallback Strategy |
|---------|-----------------|---------|-----|-------------------|
| [Service A] | REST API | [Why we need it] | 99.9% | [What if down] |
| [Service B] | Message Queue | [Why we need it] | 99.5% | [What if down] |

### External Systems Impact
**CRITICAL: Systems affected by this implementation**
| System | Impact | Risk Level | Mitigation | Testing Required |
|--------|--------|------------|------------|------------------|
| [System X] | [How affected] | HIGH/MED/LOW | [How to handle] | [What tests] |
| [System Y] | [How affected] | HIGH/MED/LOW | [How to handle] | [What tests] |

### API Version Compatibility
| Our Version | Compatible With | Breaking Changes | Migration Path |
|-------------|----------------|------------------|----------------|
| v1 | Service A v2.x | None | N/A |
| v2 | Service A v3.x | [List changes] | [How to migrate] |

## Security Considerations

### Authentication & Authorization
- **Authentication Method**: [OAuth, API Key, etc.]
- **Authorization Model**: [RBAC, ACL, etc.]
- **Token Management**: [How tokens are handled]

### Data Security
| Data Type | Classification | Encryption | Access Control |
|-----------|---------------|------------|----------------|
| [PII] | Confidential | AES-256 | Role-based |
| [Logs] | Internal | TLS in transit | Team only |

### Security Checklist
<!-- speclint: complete-when APPROVED, IMPLEMENTED -->
- [ ] Input validation on all endpoints
- [ ] SQL injection prevention
- [ ] XSS protection
- [ ] CSRF tokens implemented
- [ ] Rate limiting configured
- [ ] Secrets management reviewed
- [ ] Audit logging enabled
- [ ] Vulnerability scan completed

## Performance Considerations

### Performance Requirements
| Metric | Target | Current | Test Method |
|--------|--------|---------|-------------|
| Response Time (p95) | <200ms | N/A | Load test |
| Throughput | 1000 RPS | N/A | Load test |
| CPU Usage | <70% | N/A | Monitoring |
| Memory Usage | <4GB | N/A | Monitoring |

### Optimization Strategies
1. **Caching Strategy**: [What, where, TTL]
2. **Database Optimization**: [Indexes, queries]
3. **Code Optimization**: [Algorithms, data structures]
4. **Resource Pooling**: [Connections, threads]

### Capacity Planning
| Resource | Current Usage | Projected Usage | Scaling Strategy |
|----------|--------------|-----------------|------------------|
| CPU | X cores | Y cores | Horizontal scaling |
| Memory | X GB | Y GB | Vertical scaling |
| Storage | X TB | Y TB | Partitioning |

## Testing Strategy

### Test Coverage Requirements
- **Unit Tests**: Minimum 80% code coverage
- **Integration Tests**: All API endpoints
- **Performance Tests**: Load, stress, spike
- **Security Tests**: Penetration testing

### Test Scenarios
| Test Type | Scenario | Expected Result | Priority |
|-----------|----------|-----------------|----------|
| Unit | [What to test] | [Expected outcome] | HIGH |
| Integration | [What to test] | [Expected outcome] | HIGH |
| E2E | [What to test] | [Expected outcome] | MEDIUM |

### Test Data Requirements
| Data Set | Purpose | Size | Generation Method |
|----------|---------|------|-------------------|
| [Type] | [Why needed] | [Volume] | [How created] |

## Deployment Plan

### Deployment Strategy
- **Method**: Blue-Green / Canary / Rolling
- **Rollback Time**: < 5 minutes
- **Health Checks**: [What to verify]

### Environment Configuration
| Environment | Configuration | Differences | Access |
|-------------|--------------|-------------|---------|
| Development | [Config] | [What's different] | [Who has access] |
| Staging | [Config] | [What's different] | [Who has access] |
| Production | [Config] | Baseline | [Who has access] |

### Deployment Checklist
- [ ] Code reviewed and approved
- [ ] Tests passing in CI/CD
- [ ] Documentation updated
- [ ] Database migrations tested
- [ ] Rollback plan verified
- [ ] Monitoring alerts configured
- [ ] Load balancer configuration updated
- [ ] Feature flags configured

## Monitoring & Observability

### Key Metrics
| Metric | Description | Alert Threshold | Dashboard |
|--------|-------------|-----------------|-----------|
| Error Rate | 5xx errors/minute | >10 | [Link] |
| Latency | Response time p95 | >500ms | [Link] |
| Throughput | Requests/second | <100 | [Link] |

### Logging Strategy
| Log Type | Retention | Format | Destination |
|----------|-----------|--------|-------------|
| Application | 30 days | JSON | CloudWatch |
| Access | 90 days | Common Log | S3 |
| Error | 180 days | JSON | CloudWatch |

### Alerting Rules
| Alert | Condition | Severity | Action |
|-------|-----------|----------|--------|
| High Error Rate | >5% 5xx | Critical | Page on-call |
| High Latency | p95 >1s | Warning | Slack alert |

## Risk Analysis

### Technical Risks
| Risk | Impact | Probability | Mitigation | Contingency |
|------|--------|-------------|------------|-------------|
| [Database overload] | HIGH | MEDIUM | [Connection pooling] | [Scale up DB] |
| [API rate limits] | MEDIUM | LOW | [Caching] | [Backoff retry] |

### Implementation Risks
| Risk | Impact | Detection Method | Response Plan |
|------|--------|-----------------|---------------|
| [Data corruption] | HIGH | [Integrity checks] | [Restore from backup] |
| [Service outage] | HIGH | [Health checks] | [Failover to secondary] |

### Rollback Risks
| Scenario | Risk | Mitigation |
|----------|------|------------|
| [Schema change] | [Data loss] | [Backward compatible migration] |
| [API change] | [Client breakage] | [Version support period] |

## Implementation Checklist

### Git Workflow Setup
- [ ] **Create feature branch**:
  \`\`\`bash
  git checkout main
  git pull origin main
  git checkout -b feature/FEATURE_NAME
  \`\`\`
- [ ] **Verify branch protection rules**:
  - [ ] Cannot push directly to main
  - [ ] Requires pull request review
  - [ ] Status checks must pass
- [ ] **Set up commit conventions**:
  - [ ] Use conventional commits (feat:, fix:, docs:, test:, etc.)
  - [ ] Include ticket/issue number in commits
  - [ ] Keep commits atomic (one logical change per commit)

### Development Workflow
- [ ] **Regular commits**:
  \`\`\`bash
  git add .
  git commit -m "feat: add user authentication endpoint"
  git push origin feature/FEATURE_NAME
  \`\`\`
- [ ] **Keep branch updated**:
  \`\`\`bash
  git checkout main
  git pull origin main
  git checkout feature/FEATURE_NAME
  git merge main  # or rebase if team prefers
  \`\`\`
- [ ] **Before creating PR**:
  - [ ] All tests passing locally
  - [ ] Code formatted and linted
  - [ ] Branch is up to date with main
  - [ ] Commit history is clean

### Pull Request Process
- [ ] **Create PR with template**:
  - [ ] Descriptive title
  - [ ] Link to PRD and tickets
  - [ ] List of changes made
  - [ ] Testing performed
  - [ ] Screenshots if UI changes
- [ ] **PR must include**:
  - [ ] All test results
  - [ ] Documentation updates
  - [ ] No merge conflicts
  - [ ] Passing CI/CD checks

### Pre-Implementation
- [ ] Technical spec reviewed and approved
- [ ] Architecture review completed
- [ ] Security review completed
- [ ] Performance requirements validated
- [ ] Test plan created
- [ ] Dependencies identified and available
- [ ] **Code standards verified using context7 MCP server** - When unsure about current coding standards, conventions, or project-specific patterns, consult the context7 MCP server for accurate, up-to-date information

### During Implementation
- [ ] Code follows style guide
- [ ] All functions have docstrings
- [ ] Complex logic is commented
- [ ] Unit tests written alongside code
- [ ] Integration points mocked for testing
- [ ] Performance tests created
- [ ] Documentation updated
- [ ] **Verify patterns with context7 MCP** - Check existing codebase patterns and standards using context7 MCP server before implementing new patterns

### Post-Implementation
- [ ] Code review completed
- [ ] All tests passing
- [ ] Performance benchmarks met
- [ ] Security scan passed
- [ ] Documentation complete
- [ ] Monitoring configured
- [ ] Runbook created
- [ ] Team trained on new system

## Change Log

| Date | Version | Author | Changes | Reason |
|------|---------|--------|---------|--------|
| YYYY-MM-DD | 1.0 | [Name] | Initial draft | New feature |
| YYYY-MM-DD | 1.1 | [Name] | [What changed] | [Why] |

---

**Related Documents**:
- PRD: [FEATURE_NAME_PRD.md]
- Test Results: [FEATURE_NAME_TEST_RESULTS.md]
- Documentation: [FEATURE_NAME_DOCS.md]

**Review Schedule**: Every sprint during active development`};var DOCUMENT_KIND_WORDS=new Set(["proposal","design","draft","rfc","spec","specification","plan","overview","adr","record","report","guide","guideline","roadmap","vision","memo","checklist","postmortem","retrospective","requirement","task","tutorial","readme","faq","minute","charter","policy","decision","research","quickstart","contract","runbook","playbook","kep","pep","eip","rfd","changelog","glossary"]),singular=word=>word.replace(/ies$/,"y").replace(/(?<=[a-z]{2}[^s])s$/,"");function documentKinds(text){let kinds=new Set;for(let word of text.toLowerCase().split(/[^a-z]+/)){let kind=singular(word);DOCUMENT_KIND_WORDS.has(kind)&&kinds.add(kind)}return kinds}var ID_STAND_IN=/\b([A-Za-z][A-Za-z0-9]{0,6})-(?:N{3,}|X{3,}|#{3,}|0{3,})\b/;function inlineText(raw){return raw.replace(/!?\[([^\]]*)\]\([^)]*\)/g,"$1").replace(/\\([!-/:-@[-`{-~])/g,"$1").replace(/[*_`]/g,"").replace(/\s+/g," ").trim()}function scanHeadings(template){let headings=[],fence,inComment=!1,offset=0,previous,frontMatter=/^---\r?\n/.test(template);template.split(/(?<=\n)/).forEach((lineWithEnd,index)=>{let start=offset;offset+=lineWithEnd.length;let line=lineWithEnd.replace(/\r?\n$|\r$/,"");if(frontMatter){index>0&&/^(?:---|\.\.\.)\s*$/.test(line)&&(frontMatter=!1);return}if(inComment){line.includes("-->")&&(inComment=!1),previous=void 0;return}let fenceMatch=/^ {0,3}(`{3,}|~{3,})/.exec(line);if(fence||fenceMatch){fence?line.trim().startsWith(fence)&&/^[`~]+\s*$/.test(line.trim())&&(fence=void 0):fence=fenceMatch[1][0].repeat(fenceMatch[1].length),previous=void 0;return}if(/^ {0,3}<!--/.test(line)&&!line.slice(line.indexOf("<!--")+4).includes("-->")){inComment=!0,previous=void 0;return}let atx=/^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);if(atx){let raw=atx[2]??"";headings.push({level:atx[1].length,raw,text:inlineText(raw),start,bodyStart:offset,bodyEnd:template.length}),previous=void 0;return}let setext=/^ {0,3}(=+|-+)[ \t]*$/.exec(line);if(setext&&previous?.paragraph){headings.push({level:setext[1][0]==="="?1:2,raw:previous.text.trim(),text:inlineText(previous.text),start:previous.start,bodyStart:offset,bodyEnd:template.length}),previous=void 0;return}previous=line.trim()!==""&&!/^ {0,3}(?:[-*+]\s|\d+[.)]\s|>|\||<)/.test(line)&&!/^ {4}/.test(line)?{text:previous?`${previous.text} ${line.trim()}`:line.trim(),start:previous?.start??start,paragraph:!0}:void 0});for(let i=0;i<headings.length-1;i++)headings[i].bodyEnd=headings[i+1].start;return headings}var detectionSignature=memoBySource(["template","templatePath","optionalSections"],signatureOf);function signatureOf(source){let text=source.template,headings=scanHeadings(text),optionalNames=new Set((source.optionalSections??[]).map(headingKey)),first=headings[0],metadataBefore=(end,from)=>text.slice(from,end).split(/\r?\n/).some(line=>metadataKeyOfLine(line)!==void 0),title,sectionsFrom=0;first&&isTitleHeading({level:first.level,text:first.text,levelOneCount:headings.filter(h=>h.level===1).length,metadataUnder:metadataBefore(first.bodyEnd,first.bodyStart)})&&(title=titlePattern(first.raw,0,first.level),sectionsFrom=1);let literal=new Map,patterned=[],families=new Map,open=[];for(let heading of headings.slice(sectionsFrom)){for(;open.length>0&&open[open.length-1]>=heading.level;)open.pop();open.push(heading.level);let weight=open.length===1?1:open.length===2?.5:.25;if(isAllStandIn(heading.raw))continue;let{pattern,repeatable}=headingPattern(templateHeadingText(heading.raw,heading.text)),optional=isOptionalHeading(heading.text)||optionalNames.has(headingKey(heading.text))||optionalFromText(text,heading.start,heading.bodyStart,heading.bodyEnd);if(repeatable){let family=pattern.repeat.source,known=families.get(family);known?families.set(family,{pattern:known.pattern,optional:known.optional&&optional,weight:Math.max(known.weight,weight)}):families.set(family,{pattern,optional,weight});continue}pattern.literal!==void 0?literal.has(pattern.literal)||literal.set(pattern.literal,{pattern,optional,weight}):patterned.push({pattern,optional,weight})}let metadataKeys=new Map,idPrefixes=new Map,fm=/^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);if(fm){let optionalAll=/^\s*#.*\boptional\b/im.test(fm[1]);for(let line of fm[1].split(/\r?\n/)){let m=/^([A-Za-z][\w -]*?)\s*:(.*)$/.exec(line);if(!m)continue;let key=canonicalKey(m[1]);m[1]!=="speclint"&&metadataKeys.set(key,optionalAll||OPTIONAL_FIELD.test(m[2])||m[2].replace(/\s+#.*$/,"").trim()==="");let id=ID_STAND_IN.exec(m[2]);id&&idPrefixes.set(key,id[1].toLowerCase())}}let headerEnd=headings[sectionsFrom]?.start??text.length,headerStart=title&&first?first.bodyStart:fm?fm[0].length:0,inComment=!1,keysSeen=!1,blank=!1,optionalFromHere=!1;for(let line of text.slice(headerStart,headerEnd).split(/\r?\n/)){if(inComment||/<!--/.test(line)){inComment=!line.includes("-->")||line.lastIndexOf("<!--")>line.lastIndexOf("-->");continue}let row=/^\s*\|\s*([^|]{1,40}?)\s*\|\s*([^|]*?)\s*\|\s*$/.exec(line),rowKey=row&&!/^[\s:-]*$/.test(row[1])&&/[A-Za-z]/.test(row[1])?row[1].replace(/[*_`]/g,"").trim():void 0,key=metadataKeyOfLine(line)??rowKey;if(key){let value=rowKey&&!metadataKeyOfLine(line)?row[2]:line.slice(line.indexOf(":")+1);metadataKeys.set(canonicalKey(key),optionalFromHere||marksFieldOptional(line)||value.replace(/[*_\s]/g,"")==="");let id=ID_STAND_IN.exec(line.slice(line.indexOf(":")+1));id&&idPrefixes.set(canonicalKey(key),id[1].toLowerCase()),keysSeen=!0,blank=!1}else if(line.trim()==="")blank=!0;else if(keysSeen&&blank){if(!introducesOptionalFields(line))break;optionalFromHere=!0,blank=!1}}let titleWords=title&&!title.wildcard?title.text.replace(/\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\b[A-Za-z]+-(?:N{3,}|X{3,}|#{3,}|0{3,}|Number)\b/g," "):"",titleKinds=documentKinds(titleWords.includes(":")?titleWords.slice(0,titleWords.indexOf(":")):titleWords),signature={title,literal,patterned,metadataKeys,titleKinds,families:[...families.values()],idPrefixes};if(source.templatePath){signature.home=homeOf(source.templatePath);let name=documentNameOf(source.templatePath);name&&(signature.documentName=name)}return signature}function homeOf(templatePath){let parts=templatePath.replace(/\\/g,"/").split("/");for(parts.pop();parts.length>1&&/^(?:[._]?templates?|\.github|ISSUE_TEMPLATE|_templates)$/i.test(parts[parts.length-1]);)parts.pop();return`${parts.join("/")}/`}function documentNameOf(templatePath){let stem=templatePath.replace(/\\/g,"/").split("/").pop().replace(/\.(?:md|markdown)$/i,"").toLowerCase(),name=stem.replace(/[-_.]?templates?$|^templates?[-_.]?/,"").replace(/^\d+[-_]/,"");return name!==stem&&/[a-z]{3,}/.test(name)&&!/^\d+$/.test(name)?name:void 0}var SHARE_EPSILON=1e-9,CLOSE_CALL=.25,builtins;function builtinTypeSources(){return builtins??=Object.fromEntries(Object.entries(BUILTIN_TEMPLATES).map(([id,template])=>[id,{id,template,source:"builtin"}])),builtins}var DETECTION={plain:.5,titleOrLocation:.2,titleAndLocation:.1,locationAgainstTitle:.5},formsCache=new WeakMap;function documentForms(doc){let forms=formsCache.get(doc);if(!forms){let headings=doc.sections.map(s=>headingForms(s.text)),first=doc.sections[0],ids=new Map;for(let field of doc.metadata){let id=/\b([A-Za-z][A-Za-z0-9]{0,6})-\d+\b/.exec(field.value);id&&!ids.has(canonicalKey(field.key))&&ids.set(canonicalKey(field.key),id[1].toLowerCase())}forms={headings,keys:new Set(headings.map(h=>h.key)),metadata:new Set([...doc.metadata.map(m=>canonicalKey(m.key)),...headings.map(h=>canonicalKey(h.clean))]),title:first&&first.level<=2?cleanHeading(first.text):void 0,ids},formsCache.set(doc,forms)}return forms}var normalizePath=path=>path.replace(/\\/g,"/"),stemOf=path=>normalizePath(path).split("/").pop().replace(/\.(?:md|markdown)$/i,"").toLowerCase(),foldersOf=path=>normalizePath(path).toLowerCase().split("/").slice(0,-1);function namedAs(path,signature){let name=signature.documentName;if(!name)return!1;if(stemOf(path)===name)return!0;let names=new Set([name]),underHome=!!(signature.home&&normalizePath(path).startsWith(signature.home));if(underHome){let homeWords=new Set(signature.home.toLowerCase().split(/[^a-z0-9]+/)),short=name.split("-").filter(w=>!homeWords.has(w)).join("-");short.length>=4&&names.add(short)}return foldersOf(underHome?path.slice(signature.home.length):path).some(folder=>names.has(folder)||names.has(singular(folder)))}function titleKindsOf(title){let parts=[],colon=/^([^:]{2,40}):\s*(.*)$/.exec(title);colon&&(parts.push(colon[1]),colon[2].split(/\s+/).length<=3&&parts.push(colon[2]));let dash=/\s[—–-]\s+([^—–]+)$/.exec(title);return dash&&dash[1].split(/\s+/).length<=4&&parts.push(dash[1]),documentKinds(parts.join(" "))}function detectionEvidence(doc,signature,filePath,context){let forms=documentForms(doc),titleMatch=!!(signature.title&&!signature.title.wildcard&&forms.title!==void 0&&signature.title.matcher.test(forms.title)),named=!!(filePath&&namedAs(filePath,signature)),claimed=!!(filePath&&!signature.documentName&&context?.others.some(other=>other.documentName&&namedAs(filePath,other))),located=!!(signature.home&&filePath&&normalizePath(filePath).startsWith(signature.home)&&(signature.documentName?named:!claimed)),docKinds=forms.title!==void 0?titleKindsOf(forms.title):new Set,otherKind=!titleMatch&&signature.titleKinds.size>0&&docKinds.size>0&&![...docKinds].some(k=>signature.titleKinds.has(k)),kindMatch=!titleMatch&&signature.titleKinds.size>0&&[...docKinds].some(k=>signature.titleKinds.has(k)),idMatch=!1,idOther=!1;for(let[key,prefix]of signature.idPrefixes){let id=forms.ids.get(key);id===prefix?idMatch=!0:id!==void 0&&(idOther=!0)}idMatch&&(idOther=!1);let found=0,total=0,items=0,topFound=0,topTotal=0,matchedKeys=new Map,count=(present,optional,weight)=>{present&&(found+=weight,items++),(present||!optional)&&(total+=weight)},countHeading=(present,optional,weight)=>{count(present,optional,weight),weight===1&&present&&topFound++,weight===1&&(present||!optional)&&topTotal++};for(let[key,heading]of signature.literal){let present=forms.keys.has(key);countHeading(present,heading.optional,heading.weight),present&&matchedKeys.set(key,heading.weight)}for(let heading of[...signature.patterned,...signature.families])countHeading(forms.headings.some(h=>matchesHeading(heading.pattern,h)),heading.optional,heading.weight);let headingItems=items;for(let[key,optional]of signature.metadataKeys)count(forms.metadata.has(key),optional,1);let weighted=total===0?0:found/total,outline=topTotal>=3?topFound/topTotal*.9:0,share=Math.max(weighted,outline),titled=titleMatch||kindMatch||idMatch,threshold=named||titled&&located?DETECTION.titleAndLocation:titled||located&&!idOther?DETECTION.titleOrLocation:located?DETECTION.locationAgainstTitle:DETECTION.plain,sectionsInTemplate=signature.literal.size+signature.patterned.length+signature.families.length,qualifies=!otherKind&&items+(titleMatch?1:0)>=(named?1:2)&&(headingItems>=1||sectionsInTemplate<2||titleMatch)&&share>=threshold-SHARE_EPSILON,prefixMissing=!!(signature.title&&!signature.title.wildcard&&forms.title!==void 0&&!titleMatch&&!kindMatch);return{score:share+(titleMatch?.5:kindMatch?.3:0)+(idMatch?.3:0)+(located?.1:0)+(named?.4:0)-(idOther?.3:0)-(prefixMissing?.15:0),share,threshold,titleMatch,located,named,qualifies,idMatch,otherKind,kindMatch,matchedKeys}}var UNIQUE_SECTION_BONUS=.1,COMPETING_SHARE=.25,percent=share=>`${Math.round(share*100)} %`;function selectDocumentType(doc,config){let filePath=doc.filePath;if(filePath){let own=Object.values(config.types).find(t=>t.templatePath&&normalizePath(t.templatePath)===normalizePath(filePath));if(own)return{reason:`this file is the template of the type "${own.id}"`,isTemplate:!0}}let declared=declaredSpeclintType(doc);if(declared){let source=config.types[declared.id];return source?{id:source.id,type:compileTemplate(source),reason:`front matter "speclint: type: ${declared.id}"`}:{reason:`front matter names unknown type "${declared.id}"`,problem:{ruleId:"metadata",message:unknownTypeMessage(declared.id,config),range:declared.range,key:`unknown-type:${declared.id}`}}}if(config.forcedType){let source=config.types[config.forcedType.id];if(source)return{id:source.id,type:compileTemplate(source),reason:config.forcedType.reason}}let typeField=frontMatterTypeField(doc);if(typeField&&config.types[typeField.id]){let source=config.types[typeField.id];return{id:source.id,type:compileTemplate(source),reason:`front matter "type: ${typeField.id}"`}}let sources=Object.values(config.types),signatures=sources.map(source=>detectionSignature(source)),candidates=sources.map((source,i)=>({source,signature:signatures[i],evidence:detectionEvidence(doc,signatures[i],filePath,{others:signatures.filter((_,j)=>j!==i)})})),competitors=candidates.filter(c=>c.evidence.qualifies||c.evidence.share>=COMPETING_SHARE);for(let candidate of candidates){let{evidence:evidence2,signature}=candidate,unique=0;for(let[key,weight]of evidence2.matchedKeys)competitors.some(other=>other!==candidate&&other.signature.literal.has(key))||(unique+=weight);evidence2.score+=UNIQUE_SECTION_BONUS*Math.min(2,unique),signature.documentName&&evidence2.qualifies&&!evidence2.named&&!evidence2.titleMatch&&!evidence2.kindMatch&&unique===0&&(evidence2.qualifies=!1,evidence2.unspecific=!0)}let best,runnerUp,closest;for(let candidate of candidates){let{evidence:evidence2}=candidate;evidence2.qualifies&&(!best||evidence2.score>best.evidence.score)?(runnerUp=best,best=candidate):evidence2.qualifies&&(!runnerUp||evidence2.score>runnerUp.evidence.score)&&(runnerUp=candidate),(!closest||evidence2.share-evidence2.threshold>closest.evidence.share-closest.evidence.threshold)&&(closest=candidate)}let problem=typeField&&!Object.values(config.types).some(t=>compileTemplateDeclaresType(t))?typoProblem(typeField,config):void 0;if(!best){let selection2={reason:"auto-detection: no template matched (title pattern, location and section overlap below the threshold)"};if(closest){let{evidence:evidence2}=closest;selection2.closest={id:closest.source.id,score:Number(evidence2.share.toFixed(2)),threshold:evidence2.threshold};let hints=[evidence2.titleMatch?"title matches":"",evidence2.idMatch?"its ID has the template's form":"",evidence2.located?"lives beside the template":"",evidence2.named?"named as the template":"",evidence2.otherKind?"but its title names another kind of document":"",evidence2.unspecific?`but shows nothing of the kind of document "${closest.source.id}" is for (its file name, title or a section only it has)`:""].filter(Boolean);selection2.reason=`auto-detection: no template matched; closest: ${closest.source.id} with ${percent(evidence2.share)} of its sections and fields, ${percent(evidence2.threshold)} needed${hints.length?` (${hints.join(", ")})`:""}`}return problem&&(selection2.problem=problem),selection2}let{evidence}=best,why=[evidence.titleMatch?"title matches the template":"",evidence.idMatch?"its ID has the template's form":"",evidence.located?"the file lives where the template does":"",evidence.named?"the file is named as the template":""].filter(Boolean).join(", "),selection={id:best.source.id,type:compileTemplate(best.source),reason:`auto-detected: ${why?`${why} and `:""}${percent(evidence.share)} of the template's sections and fields are present`};return runnerUp&&evidence.score-runnerUp.evidence.score<CLOSE_CALL&&(selection.rival=runnerUp.source.id,selection.reason+=`; ${runnerUp.source.id} came close (${percent(runnerUp.evidence.share)}), so --fix inserts no sections`),problem&&(selection.problem=problem),selection}function compileTemplateDeclaresType(source){let fm=/^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)/.exec(source.template);return!!(fm&&/^type\s*:/m.test(fm[1]))}function unknownTypeMessage(id,config){let suggestion=didYouMean(id,Object.keys(config.types));return`Unknown document type "${id}"${suggestion?` (did you mean "${suggestion}"?)`:""}: known types are ${Object.keys(config.types).sort().join(", ")}`}function typoProblem(field,config){let suggestion=didYouMean(field.id,Object.keys(config.types));if(!(!suggestion||suggestion===field.id))return{ruleId:"metadata",message:`Front matter "type: ${field.id}" names no document type; did you mean "${suggestion}"? (to name the speclint type without ambiguity, write "speclint: { type: ${suggestion} }")`,range:field.range,key:`unknown-type:${field.id}`,severity:"warn"}}function declaredSpeclintType(doc){for(let field of doc.metadata)if(field.source==="frontmatter"){if(field.normalizedKey==="speclint-type"&&typeof field.data=="string"&&field.data.trim())return{id:field.data.trim(),range:field.valueRange};if(field.normalizedKey==="speclint"&&field.data&&typeof field.data=="object"){let type=field.data.type;if(typeof type=="string"&&type.trim())return{id:type.trim(),range:field.valueRange}}}}function frontMatterTypeField(doc){let field=doc.metadata.find(m=>m.source==="frontmatter"&&m.normalizedKey==="type");if(!(!field||typeof field.data!="string"||!field.data.trim()))return{id:field.data.trim(),range:field.valueRange}}export{builtinTypeSources,selectDocumentType};
