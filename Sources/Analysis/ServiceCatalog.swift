/// AWS services and the ways people say (and recognizers spell) them, mapped to one
/// canonical name: "s three", "s3" and "simple storage service" are all S3.
public enum ServiceCatalog {
    /// Canonical name -> spoken or written forms, each a space-separated token sequence.
    static let forms: [(String, [String])] = [
        ("S3", ["s3", "s 3", "s three", "simple storage service", "s3 bucket"]),
        ("EC2", ["ec2", "ec 2", "e c 2", "e c two", "ec two", "e c2", "elastic compute cloud"]),
        ("IAM", ["iam", "i a m", "identity and access management"]),
        ("VPC", ["vpc", "vpcs", "v p c", "virtual private cloud"]),
        ("Lambda", ["lambda", "lambdas", "lambda function", "lambda functions"]),
        ("RDS", ["rds", "r d s", "relational database service"]),
        ("Aurora", ["aurora"]),
        ("DynamoDB", ["dynamodb", "dynamo db", "dynamo d b", "dynamo"]),
        ("SQS", ["sqs", "s q s", "simple queue service"]),
        ("SNS", ["sns", "s n s", "simple notification service"]),
        ("Kinesis", ["kinesis", "kinesis data streams", "kinesis firehose", "firehose"]),
        ("EventBridge", ["eventbridge", "event bridge", "cloudwatch events"]),
        ("Step Functions", ["step functions", "step function", "stepfunctions"]),
        ("API Gateway", ["api gateway", "a p i gateway", "apigateway"]),
        ("CloudFront", ["cloudfront", "cloud front"]),
        ("Route 53", ["route 53", "route fifty three", "route53", "route fifty-three"]),
        ("ALB", ["alb", "albs", "a l b", "application load balancer", "application load balancers"]),
        ("NLB", ["nlb", "n l b", "network load balancer", "network load balancers"]),
        ("ELB", ["elb", "e l b", "elastic load balancer", "elastic load balancing", "load balancer", "load balancers"]),
        ("Auto Scaling", ["auto scaling", "autoscaling", "auto scaling group", "auto scaling groups", "asg", "asgs"]),
        ("CloudWatch", ["cloudwatch", "cloud watch", "cloudwatch logs", "cloudwatch alarms"]),
        ("CloudTrail", ["cloudtrail", "cloud trail"]),
        ("CloudFormation", ["cloudformation", "cloud formation"]),
        ("KMS", ["kms", "k m s", "key management service"]),
        ("Secrets Manager", ["secrets manager", "secret manager", "secrets managers"]),
        ("Parameter Store", ["parameter store", "ssm parameter store"]),
        ("Systems Manager", ["systems manager", "ssm", "session manager"]),
        ("ECS", ["ecs", "e c s", "elastic container service"]),
        ("EKS", ["eks", "e k s", "elastic kubernetes service"]),
        ("Fargate", ["fargate", "far gate"]),
        ("ECR", ["ecr", "e c r", "elastic container registry"]),
        ("EFS", ["efs", "e f s", "elastic file system"]),
        ("EBS", ["ebs", "e b s", "elastic block store", "ebs volume", "ebs volumes"]),
        ("ElastiCache", ["elasticache", "elastic cache", "elasti cache"]),
        ("Redshift", ["redshift", "red shift"]),
        ("Athena", ["athena"]),
        ("Glue", ["aws glue", "glue job", "glue jobs", "glue crawler"]),
        ("Cognito", ["cognito"]),
        ("WAF", ["waf", "w a f", "web application firewall"]),
        ("Shield", ["aws shield", "shield advanced"]),
        ("GuardDuty", ["guardduty", "guard duty"]),
        ("AWS Config", ["aws config", "config rules", "config rule"]),
        ("Organizations", ["aws organizations", "organizations scp", "service control policy", "service control policies", "scp", "scps"]),
        ("Security Hub", ["security hub", "securityhub"]),
        ("NAT Gateway", ["nat gateway", "nat gateways", "nat", "n a t gateway"]),
        ("Transit Gateway", ["transit gateway", "transit gateways"]),
        ("Direct Connect", ["direct connect"]),
        ("AWS Backup", ["aws backup"]),
        ("Glacier", ["glacier", "s3 glacier", "glacier deep archive", "deep archive"]),
        ("Elastic Beanstalk", ["elastic beanstalk", "beanstalk"]),
        ("CodePipeline", ["codepipeline", "code pipeline"]),
        ("CodeBuild", ["codebuild", "code build"]),
        ("CodeDeploy", ["codedeploy", "code deploy"]),
        ("X-Ray", ["x ray", "xray", "x-ray"]),
        ("SES", ["ses", "simple email service"]),
        ("OpenSearch", ["opensearch", "open search", "elasticsearch", "elastic search"]),
        ("MSK", ["msk", "managed kafka", "managed streaming for kafka"]),
        ("Macie", ["macie"]),
        ("Inspector", ["aws inspector", "amazon inspector"]),
        ("Cost Explorer", ["cost explorer"]),
        ("Trusted Advisor", ["trusted advisor"]),
        ("Global Accelerator", ["global accelerator"]),
        ("DMS", ["dms", "database migration service"]),
        ("STS", ["sts", "security token service", "assume role", "assumerole"]),
        ("ACM", ["acm", "certificate manager"]),
        ("IAM Identity Center", ["iam identity center", "identity center", "aws sso"]),
        ("Savings Plans", ["savings plans", "savings plan", "reserved instances", "reserved instance"]),
        ("VPC Endpoint", ["vpc endpoint", "vpc endpoints", "gateway endpoint", "gateway endpoints", "interface endpoint", "interface endpoints", "privatelink", "private link"]),
        ("Spot Instances", ["spot instances", "spot instance", "spot fleet", "spot capacity"]),
        // Data, analytics and machine learning. Only forms that are not everyday phrases:
        // "document db", "memory db" (an in-memory db), "data sync", "time stream" are left out.
        ("AWS Batch", ["aws batch"]),
        ("EMR", ["emr", "e m r", "elastic mapreduce", "elastic map reduce"]),
        ("DocumentDB", ["documentdb"]),
        ("Neptune", ["neptune"]),
        ("Timestream", ["timestream"]),
        ("MemoryDB", ["memorydb"]),
        ("SageMaker", ["sagemaker", "sage maker"]),
        ("Bedrock", ["bedrock", "amazon bedrock"]),
        ("QuickSight", ["quicksight", "quick sight"]),
        ("Lake Formation", ["lake formation"]),
        ("Amazon MQ", ["amazon mq", "amazon m q"]),
        ("FSx", ["fsx", "f s x"]),
        // Moving data in, building and hosting, governance.
        ("DataSync", ["datasync"]),
        ("Snowball", ["snowball", "snowball edge", "snowball devices", "snow family"]),
        ("Storage Gateway", ["storage gateway", "file gateway", "volume gateway", "tape gateway"]),
        ("AppSync", ["appsync"]),
        ("App Runner", ["app runner", "apprunner"]),
        ("Lightsail", ["lightsail", "light sail"]),
        ("Amplify", ["aws amplify", "amplify hosting"]),
        ("Control Tower", ["control tower"]),
        ("Network Firewall", ["network firewall", "network firewalls"]),
        ("Firewall Manager", ["firewall manager"]),
        ("CloudHSM", ["cloudhsm", "cloud hsm"]),
        ("Elastic IP", ["elastic ip", "elastic ips", "elastic ip address", "elastic ip addresses"]),
        ("AWS Budgets", ["aws budgets", "aws budget"]),
    ]

    /// All canonical names, in catalog order.
    public static var canonicalNames: [String] { forms.map(\.0) }

    /// Forms that are one token ("cloudwatch", "sqs", "lambda"): what a language model can raise
    /// on its own without raising an everyday word that only starts a longer form.
    public static var singleTokenForms: Set<String> {
        Set(forms.flatMap { $0.1 }.filter { !$0.contains(" ") })
    }

    /// What a service name becomes in the tokens the cue rules read.
    static let placeholder = "_svc_"

    struct Mention: Hashable {
        var name: String
        var tokenRange: Range<Int>
    }

    /// Longest-first lookup table: first token -> [(form tokens, name)].
    private static let index: [String: [([String], String)]] = {
        var table: [String: [([String], String)]] = [:]
        for (name, spellings) in forms {
            for spelling in spellings {
                let tokens = spelling.split(separator: " ").flatMap { Tokenizer.split(String($0)) }
                guard let first = tokens.first else { continue }
                table[first, default: []].append((tokens, name))
            }
        }
        for key in table.keys { table[key]!.sort { $0.0.count > $1.0.count } }
        return table
    }()

    /// Finds every service mention, longest spelling first ("s3 glacier" is Glacier, not S3).
    static func mentions(in tokens: [String]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < tokens.count {
            var matched = false
            for (form, name) in index[tokens[i]] ?? [] where i + form.count <= tokens.count {
                if Array(tokens[i..<i + form.count]) == form {
                    found.append(Mention(name: name, tokenRange: i..<i + form.count))
                    i += form.count
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return found
    }

    /// The canonical name for free text ("dynamo db" -> "DynamoDB"), if it names a service.
    public static func canonicalName(for text: String) -> String? {
        let tokens = Tokenizer.tokens(from: Tokenizer.words(fromText: text)).map(\.text)
        guard let m = mentions(in: tokens).first, m.tokenRange == 0..<tokens.count else { return nil }
        return m.name
    }
}
