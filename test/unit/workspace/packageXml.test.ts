import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePackageXml } from '../../../src/core/workspace/packageXml';

const format1 = `<?xml version="1.0"?>
<package>
  <name>old_pkg</name>
  <version>1.0.0</version>
  <description>Format 1, as indigo-era catkin_create_pkg wrote it</description>
  <maintainer email="a@b.c">a</maintainer>
  <license>BSD</license>
  <buildtool_depend>catkin</buildtool_depend>
  <build_depend>rospy</build_depend>
  <run_depend version_gte="1.11.0">rospy</run_depend>
  <run_depend>std_msgs</run_depend>
  <!-- <run_depend>commented_out</run_depend> -->
</package>`;

const format2 = `<?xml version="1.0"?>
<package format="2">
  <name>mid_pkg</name>
  <version>0.1.0</version>
  <description>Format 2</description>
  <maintainer email="a@b.c">a</maintainer>
  <license>MIT</license>
  <buildtool_depend>catkin</buildtool_depend>
  <depend>roscpp</depend>
  <build_export_depend>message_runtime</build_export_depend>
  <exec_depend>python3-torch</exec_depend>
  <test_depend>rostest</test_depend>
  <doc_depend>rosdoc_lite</doc_depend>
  <export>
    <rosdoc config="rosdoc.yaml"/>
  </export>
</package>`;

const format3 = `<?xml version="1.0"?>
<?xml-model href="http://download.ros.org/schema/package_format3.xsd" schematypens="http://www.w3.org/2001/XMLSchema"?>
<package format="3">
  <name>new_pkg</name>
  <version>0.0.1</version>
  <description>Format 3 with conditions</description>
  <maintainer email="a@b.c">a</maintainer>
  <license>Apache-2.0</license>
  <exec_depend condition="$ROS_PYTHON_VERSION == 2">python-yaml</exec_depend>
  <exec_depend condition="$ROS_PYTHON_VERSION == 3">python3-yaml</exec_depend>
  <exec_depend>rclpy</exec_depend>
  <export>
    <build_type>ament_python</build_type>
  </export>
</package>`;

test('reads a format 1 manifest: run_depend, version attributes, comments ignored, catkin by default', () => {
  const result = parsePackageXml(format1);
  assert.equal(result.kind, 'ok');
  if (result.kind !== 'ok') return;
  assert.deepEqual(result.manifest, {
    name: 'old_pkg',
    format: 1,
    buildType: 'catkin',
    metapackage: false,
    dependencies: [
      { name: 'rospy', kind: 'build_depend' },
      { name: 'catkin', kind: 'buildtool_depend' },
      { name: 'rospy', kind: 'run_depend' },
      { name: 'std_msgs', kind: 'run_depend' },
    ],
  });
});

test('reads a format 2 manifest with every dependency kind', () => {
  const result = parsePackageXml(format2);
  assert.ok(result.kind === 'ok');
  assert.equal(result.manifest.format, 2);
  assert.equal(result.manifest.buildType, 'catkin');
  assert.deepEqual(
    result.manifest.dependencies.map((d) => `${d.kind}:${d.name}`),
    [
      'depend:roscpp',
      'buildtool_depend:catkin',
      'build_export_depend:message_runtime',
      'exec_depend:python3-torch',
      'test_depend:rostest',
      'doc_depend:rosdoc_lite',
    ],
  );
});

test('reads a format 3 manifest: conditional dependencies are all listed, build type from export', () => {
  const result = parsePackageXml(format3);
  assert.ok(result.kind === 'ok');
  assert.equal(result.manifest.format, 3);
  assert.equal(result.manifest.buildType, 'ament_python');
  assert.deepEqual(
    result.manifest.dependencies.map((d) => d.name),
    ['python-yaml', 'python3-yaml', 'rclpy'],
  );
});

test('recognises a metapackage', () => {
  const result = parsePackageXml(
    '<package format="2"><name>stack</name><exec_depend>a</exec_depend><export><metapackage/></export></package>',
  );
  assert.ok(result.kind === 'ok');
  assert.equal(result.manifest.metapackage, true);
});

test('malformed or incomplete manifests are reported with a reason, never thrown', () => {
  const cases: [string, RegExp][] = [
    ['<package format="2"><name>x</name><depend>rospy</depend\n</package>', /line/],
    ['<package format="2"><name>x</name>', /line|unclosed|close/i],
    ['', /package|line/i],
    ['<not_a_package/>', /no <package>/],
    ['<package format="2"><version>1</version></package>', /no <name>/],
    ['<package format="9"><name>x</name></package>', /unknown format/],
    ['\u0000\u0001garbage<<<>>>', /./],
  ];
  for (const [text, reason] of cases) {
    const result = parsePackageXml(text);
    assert.equal(result.kind, 'invalid', text);
    if (result.kind === 'invalid') assert.match(result.reason, reason, text);
  }
});
