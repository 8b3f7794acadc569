import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aptPackage, packageNames } from '../../../src/core/fixes/packageNames';
import { isRosModule } from '../../../src/core/ros/pythonModules';
import { robostackPackage } from '../../../src/core/ros/packageNames';
import type { RosDistro } from '../../../src/core/workspace/workspace';

const noetic: RosDistro = { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO' };
const debian: RosDistro = { name: 'Debian', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO' };

test('maps import names to the packages that provide them', () => {
  assert.deepEqual(packageNames('cv2'), { pip: 'opencv-python', conda: 'opencv', apt: 'python3-opencv', ros: false });
  assert.equal(packageNames('yaml').pip, 'PyYAML');
  assert.equal(packageNames('torch').conda, 'pytorch');
  assert.equal(packageNames('PIL').pip, 'pillow');
  assert.equal(packageNames('sklearn').conda, 'scikit-learn');
  assert.equal(packageNames('em').pip, 'empy==3.3.4');
});

test('offers no pip package for ROS modules, including any *_msgs', () => {
  for (const m of ['rospy', 'cv_bridge', 'tf2_ros', 'sensor_msgs', 'my_robot_msgs']) {
    assert.equal(isRosModule(m), true, m);
    assert.equal(packageNames(m).pip, null, m);
  }
  assert.equal(isRosModule('rospkg'), false, 'rospkg is on PyPI');
});

test('falls back to the import name for unknown modules', () => {
  assert.deepEqual(packageNames('requests'), { pip: 'requests', conda: 'requests', apt: null, ros: false });
});

test('names ros-<distro> apt packages only for a real ROS distro', () => {
  assert.equal(aptPackage('cv_bridge', noetic, 3), 'ros-noetic-cv-bridge');
  assert.equal(aptPackage('cv_bridge', debian, 3), 'python3-cv-bridge');
  assert.equal(aptPackage('rospy', debian, 2), 'python-rospy');
  assert.equal(robostackPackage('sensor_msgs', noetic), 'ros-noetic-sensor-msgs');
  assert.equal(robostackPackage('rospy', debian), null);
});
